import type { Program, Session } from '../program/schema.js';
import type { LobbyCell, LobbyGrid } from './types.js';
import { formatClock, isoInVenue, ms, toVenue, venueDay } from '../time/venue.js';
import { byStart, isOn, sessionDay, withTimes } from './sessions.js';

const ROW_MS = 30 * 60_000;
const MINUTE = 60_000;

/**
 * The lobby board at `at`: rooms as columns (program order, only those with something in the
 * window), a row every 30 minutes, one cell per session (venue-wide items with `column: null`),
 * and the now line. The default window is the conference day of `at` (the first day before the
 * event, the last after it), from its first start to its last end, on half hours.
 * Cancelled and moved sessions keep their cell; the session itself says what happened.
 */
export function lobby(program: Program, at: number, opts: { from?: number; until?: number } = {}): LobbyGrid {
  const sorted = byStart(program.sessions);
  const window = defaultWindow(program, sorted, at);
  const from = opts.from ?? window.from;
  let until = opts.until ?? window.until;
  if (until <= from) until = from + ROW_MS;

  const shown = sorted.filter((s) => ms(s.start) < until && ms(s.end) > from);
  const used = new Set(shown.map((s) => s.room));
  const rooms = program.rooms.filter((r) => used.has(r.id));
  const column = new Map(rooms.map((r, i) => [r.id, i]));
  const minutes = (t: number) => (Math.min(Math.max(t, from), until) - from) / MINUTE;

  const rows: LobbyGrid['rows'] = [];
  for (let t = from; t < until; t += ROW_MS)
    rows.push({ start: isoInVenue(program, t), label: formatClock(program, t), top: (t - from) / MINUTE });

  const cells: LobbyCell[] = shown.map((s) => ({
    session: withTimes(s, at),
    column: s.room === null ? null : (column.get(s.room) ?? null),
    top: minutes(ms(s.start)),
    bottom: minutes(ms(s.end)),
    state: isOn(s, at) ? 'now' : ms(s.end) <= at ? 'past' : 'future',
  }));

  return {
    at: isoInVenue(program, at),
    from: isoInVenue(program, from),
    until: isoInVenue(program, until),
    rooms,
    rows,
    cells,
    nowLine: at >= from && at <= until ? (at - from) / MINUTE : null,
  };
}

/** The conference day to show: that of `at` if it has sessions, else the next one, else the last. */
function defaultWindow(program: Program, sorted: Session[], at: number): { from: number; until: number } {
  if (sorted.length === 0) {
    const start = floorToRow(program, at);
    return { from: start, until: start + ROW_MS };
  }
  const today = venueDay(program, at);
  const dayOf = new Map(sorted.map((s) => [s, sessionDay(program, s)]));
  const days = [...new Set(dayOf.values())].sort();
  const day = days.includes(today) ? today : (days.find((d) => d > today) ?? days[days.length - 1]!);
  const ofDay = sorted.filter((s) => dayOf.get(s) === day);
  const first = Math.min(...ofDay.map((s) => ms(s.start)));
  const last = Math.max(...ofDay.map((s) => ms(s.end)));
  const from = floorToRow(program, first);
  const floored = floorToRow(program, last);
  return { from, until: floored === last ? last : floored + ROW_MS };
}

/** Down to the half hour in venue time (zones with odd offsets still get :00 and :30 rows). */
function floorToRow(program: Program, t: number): number {
  const dt = toVenue(program, t);
  return dt
    .startOf('hour')
    .plus({ minutes: dt.minute >= 30 ? 30 : 0 })
    .toMillis();
}
