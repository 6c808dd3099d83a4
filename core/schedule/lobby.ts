import type { Program } from '../program/schema.js';
import type { LobbyCell, LobbyGrid } from './types.js';
import { formatClock, isoInVenue, toVenue, venueDay } from '../time/venue.js';
import { withTimes } from './sessions.js';
import { type ScheduleIndex, scheduleIndex } from './schedule-index.js';

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
  const index = scheduleIndex(program, at);
  const window = defaultWindow(program, index, at);
  const from = opts.from ?? window.from;
  let until = opts.until ?? window.until;
  if (until <= from) until = from + ROW_MS;

  const shown = index.sorted.filter((x) => x.start < until && x.end > from);
  const used = new Set(shown.map((x) => x.s.room));
  const rooms = program.rooms.filter((r) => used.has(r.id));
  const column = new Map(rooms.map((r, i) => [r.id, i]));
  const minutes = (t: number) => (Math.min(Math.max(t, from), until) - from) / MINUTE;

  const rows: LobbyGrid['rows'] = [];
  for (let t = from; t < until; t += ROW_MS)
    rows.push({ start: isoInVenue(program, t), label: formatClock(program, t), top: (t - from) / MINUTE });

  const cells: LobbyCell[] = shown.map(({ s, start, end }) => ({
    session: withTimes(s, at),
    column: s.room === null ? null : (column.get(s.room) ?? null),
    top: minutes(start),
    bottom: minutes(end),
    state: start <= at && at < end ? 'now' : end <= at ? 'past' : 'future',
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

/**
 * The window `lobby(program, at)` shows (its `from` and `until`, epoch ms), without building its
 * rows and cells: what a day cut needs, at every screen's first fetch.
 */
export function lobbyWindow(program: Program, at: number): { from: number; until: number } {
  const { from, until } = defaultWindow(program, scheduleIndex(program, at), at);
  return { from, until: until <= from ? from + ROW_MS : until };
}

/** The conference day to show: that of `at` if it has sessions, else the next one, else the last. */
function defaultWindow(program: Program, index: ScheduleIndex, at: number): { from: number; until: number } {
  const { sorted, days } = index;
  if (sorted.length === 0) {
    const start = floorToRow(program, at);
    return { from: start, until: start + ROW_MS };
  }
  const today = venueDay(program, at);
  const day = days.includes(today) ? today : (days.find((d) => d > today) ?? days[days.length - 1]!);
  let first = Infinity;
  let last = -Infinity;
  for (const x of sorted)
    if (x.day === day) {
      first = Math.min(first, x.start);
      last = Math.max(last, x.end);
    }
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
