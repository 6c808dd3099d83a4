/**
 * Text cleanup for imported schedules: abstracts arrive as HTML (frab), Markdown (pretalx) or
 * plain text with Windows line ends. Screens render text, never HTML, so tags become line
 * structure and entities become characters.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  shy: '',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  aacute: 'á',
  ccedil: 'ç',
  times: '×',
  deg: '°',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[name] ?? all;
  });
}

const BLOCK_END = /<\/(p|div|h[1-6]|ul|ol|table|blockquote|pre|section)\s*>/gi;
const BLOCK_START = /<(p|div|h[1-6]|ul|ol|table|blockquote|pre|section)(\s[^<>]*)?>/gi;
// Only things shaped like tags: "a < b and c > d" in a plain abstract stays as written.
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/g;

/**
 * HTML (or plain text) to plain text: paragraphs become blank lines, <br> a line break,
 * list items "• ", every other tag goes, entities are decoded. Plain text only gets its line
 * ends and surrounding blank space normalised.
 */
export function htmlToText(input: string | null | undefined): string {
  if (!input) return '';
  let s = input.replace(/\r\n?/g, '\n');
  if (/<[A-Za-z/!]/.test(s)) {
    s = s
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/\n/g, ' ') // in HTML a source line break is just a space
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li(\s[^<>]*)?>/gi, '\n• ')
      .replace(/<\/li\s*>/gi, '')
      .replace(BLOCK_START, '\n\n')
      .replace(BLOCK_END, '\n\n')
      .replace(TAG, '');
  }
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \t]+(?=•)/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Single-line text (titles, names): whitespace collapsed, entities decoded, no tags. */
export function inlineText(input: string | null | undefined): string {
  if (!input) return '';
  return decodeEntities(input.replace(TAG, '')).replace(/\s+/g, ' ').trim();
}

/** Lowercase ASCII slug: "Saal 1" → "saal-1", "Lötarea" → "lotarea". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Letters with accents as their ASCII base ("MÄN0" → "MAN0", "ß" → "ss"). */
export function asciiLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');
}

/**
 * Any text as a valid Hallway id (letters, digits, ".", "_", ":", "-"; starts alphanumeric):
 * accented letters lose their accent, anything else becomes "-".
 */
export function idFrom(text: string): string {
  return asciiLetters(text)
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 190);
}

/** An error message quotes a value briefly. */
export function quote(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * A JSON export's text as a value: a UTF-8 BOM at the start (Sessionize and some Windows tools
 * write one) is not part of the JSON. The error is the refusal line the readers return.
 */
export function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    return { error: `(top level): not valid JSON (${(e as Error).message})` };
  }
}
