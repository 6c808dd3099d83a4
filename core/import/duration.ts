/**
 * Durations as real files write them: `1:00`, `01:00`, `01:00:00` (h:mm[:ss], hours may pass 24),
 * and ISO 8601 `PT1H30M` (some pretalx and iCalendar exports). Milliseconds, or null if unreadable.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  const hm = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (hm) return ((Number(hm[1]) * 60 + Number(hm[2])) * 60 + Number(hm[3] ?? 0)) * 1000;
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(s);
  if (iso && s.length > 1 && !/T$/i.test(s))
    return (
      (((Number(iso[1] ?? 0) * 24 + Number(iso[2] ?? 0)) * 60 + Number(iso[3] ?? 0)) * 60 +
        Number(iso[4] ?? 0)) *
      1000
    );
  return null;
}

/** `01:30` (hours:minutes, hours may pass 24): the c3voc schema's duration. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * An ISO date-time with an explicit offset: its instant and the offset in minutes.
 * Null when it has no offset or is not a date-time.
 */
export function parseOffsetDateTime(text: string): { ms: number; offset: number; utc?: boolean } | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i.exec(
    text.trim(),
  );
  if (!m) return null;
  const z = m[3]!;
  const offset =
    z === 'Z' || z === 'z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  const ms = Date.parse(`${m[1]}T${m[2]}${z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z}`);
  if (Number.isNaN(ms)) return null;
  return z === 'Z' || z === 'z' ? { ms, offset, utc: true } : { ms, offset };
}

/** `2019-05-20T10:30:00-07:00` from an instant and the offset (minutes) to write it with. */
export function isoWithOffset(ms: number, offset: number): string {
  const d = new Date(ms + offset * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}` +
    `T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}` +
    `${sign}${p(Math.floor(a / 60))}:${p(a % 60)}`
  );
}

export function formatOffset(offset: number): string {
  const a = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
