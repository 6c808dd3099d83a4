import type { Program, Room } from '../../core/program/schema.js';
import type { LobbyGrid, SessionNow } from '../../core/schedule/types.js';
import { lobby } from '../../core/schedule/lobby.js';
import { nowNext } from '../../core/schedule/now-next.js';
import { ms } from '../../core/time/venue.js';
import { clockAt, dayFrom, delayLine, displayTitle, roomName, startsLabel } from '../lib/format.js';
import { en, type Messages } from '../lib/i18n/en.js';
import { gridWindow, type PageRange } from './layout.js';

/** The grid of one page: the rooms of that page, their cells, and the venue-wide cells across them. */
export interface GridPage {
  grid: LobbyGrid;
  rooms: Room[];
  /** Minutes the window spans. */
  span: number;
  cells: (LobbyGrid['cells'][number] & { col: number | null })[];
}

/** The grid of the part of the day on screen, all its rooms; `day` is `lobby(p, at)`. */
export function windowGrid(
  p: Program,
  day: LobbyGrid,
  at: number,
  hours: number,
): { grid: LobbyGrid; span: number } {
  const win = gridWindow({ from: ms(day.from), until: ms(day.until) }, at, hours * 3_600_000);
  return { grid: lobby(p, at, win), span: (win.until - win.from) / 60_000 };
}

/** One page of a window's grid: its rooms, their cells, and the venue-wide cells across them. */
export function pageOf(w: { grid: LobbyGrid; span: number }, range: PageRange | null): GridPage {
  const { grid, span } = w;
  const r = range ?? { start: 0, end: grid.rooms.length };
  const rooms = grid.rooms.slice(r.start, r.end);
  const cells = grid.cells
    .filter((c) => c.column === null || (c.column >= r.start && c.column < r.end))
    .map((c) => ({ ...c, col: c.column === null ? null : c.column - r.start }));
  return { grid, rooms, span, cells };
}

/** One line of a cell or a now & next entry: what staff changed, in words. */
export function changeNotes(p: Program, s: SessionNow, m: Messages = en): string[] {
  const out: string[] = [];
  if (s.cancelled)
    out.push(s.cancelled.note ? m.session.cancelledBecause(s.cancelled.note) : m.session.cancelled);
  if (s.original && s.original.room !== s.room && s.room) out.push(m.session.movedTo(roomName(p, s.room)!));
  const d = delayLine(p, s, m);
  if (d) out.push(d);
  for (const t of s.talks) if (t.cancelled) out.push(m.session.cancelledBecause(t.title));
  return out;
}

/** The talk on now, by staff's word or estimated: "Now: Deep Learning Vector Search Service". */
export function speakingLine(s: SessionNow, m: Messages = en): string | null {
  if (!s.onNow || s.talks.length < 2) return null;
  const talk = s.talks[s.onNow.index];
  if (!talk) return null;
  return m.session.speaking(talk.title, !s.nowSpeaking);
}

export interface NowNextRow {
  room: Room;
  now: { title: string; when: string; notes: string[]; speaking: string | null; struck: boolean } | null;
  next: { title: string; when: string; notes: string[]; struck: boolean } | null;
}

export function nowNextRows(p: Program, rooms: Room[], at: number, m: Messages = en): NowNextRow[] {
  return rooms.map((room) => {
    const nn = nowNext(p, room.id, at);
    const cur = nn.current;
    const next = nn.next;
    return {
      room,
      now: cur
        ? {
            title: displayTitle(cur),
            when: m.time.until(clockAt(p, cur.end, m)),
            notes: changeNotes(p, cur, m),
            speaking: speakingLine(cur, m),
            struck: !!cur.cancelled || !!cur.movedTo,
          }
        : null,
      next: next
        ? {
            title: displayTitle(next),
            // Another day says the day ("Tomorrow 10:30 AM"), not "in 15 h".
            when: dayFrom(p, next.start, at, m)
              ? startsLabel(p, next.start, at, m)
              : m.lobby.nextWhen(clockAt(p, next.start, m), startsLabel(p, next.start, at, m)),
            notes: changeNotes(p, next, m),
            struck: !!next.cancelled || !!next.movedTo,
          }
        : null,
    };
  });
}
