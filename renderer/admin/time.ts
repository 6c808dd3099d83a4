import { DateTime } from 'luxon';

/**
 * Staff type venue wall time (`<input type="datetime-local">`, no zone), whatever zone this
 * machine is set to; the host wants ISO with the venue's offset.
 */
export function toVenueInput(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** ISO with the venue offset for a datetime-local value, or null when empty or unreadable. */
export function fromVenueInput(value: string, zone: string): string | null {
  if (!value.trim()) return null;
  const dt = DateTime.fromISO(value.trim(), { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/** "10:31:05 AM" venue time: the running clock in the admin header. */
export function clockWithSeconds(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('h:mm:ss a');
}

/** "Mon May 20" venue date. */
export function shortDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat('ccc LLL d');
}

/** "12 s ago", "3 min ago" for the screens list. */
export function ago(thenMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ${m % 60} min ago`;
}
