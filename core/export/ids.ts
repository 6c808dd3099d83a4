/**
 * Stable identifiers the c3voc format insists on (uuid guids, integer ids, slugs) for programs
 * that have none: derived from our ids, so exporting twice gives the same file.
 */

/** A deterministic UUID (version 8, "custom") from any text: cyrb-style 128-bit hash. */
export function uuidFrom(text: string): string {
  let h1 = 0x9e3779b9,
    h2 = 0x243f6a88,
    h3 = 0xb7e15162,
    h4 = 0xdeadbeef;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  const hex = [h1 ^ h2 ^ h3 ^ h4, h2 ^ h1, h3 ^ h1, h4 ^ h1]
    .map((h) => (h >>> 0).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** c3voc acronym: `^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`. */
export function acronymFrom(id: string): string {
  let a = id.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  while (a.length < 4) a += '_';
  return a;
}

/** c3voc slug: `^[a-z0-9_-]+[a-z0-9]$`. */
export function slugFrom(...parts: string[]): string {
  const s = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|[-_]+$/g, '')
    .slice(0, 120)
    .replace(/[-_]+$/, '');
  return s.length >= 2 ? s : `${s || 'x'}0`;
}
