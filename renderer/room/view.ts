import type { Announcement, Program, Room, Session } from '../../core/program/schema.js';
import type { NowNext, SessionNow } from '../../core/schedule/types.js';
import { nowNext } from '../../core/schedule/now-next.js';
import { withTimes } from '../../core/schedule/sessions.js';
import { formatClock, formatDay, ms, venueDay } from '../../core/time/venue.js';
import { clockAt, conferenceDates, displayTitle, theRoom } from '../lib/format.js';
import { changedLine, changesThenNext, insteadOf, nextHere } from './changes.js';

/** Everything a room screen shows at one instant, computed from the effective program alone. */
export interface RoomView {
  nn: NowNext;
  /** Set when nothing is really on here (nothing, or called off, or moved): what the screen says instead. */
  status: Status | null;
  /** Sessions printed here that were cancelled or moved, in words ("1:30 PM tutorial cancelled"). */
  changes: string[];
  elsewhere: { room: Room | null; session: SessionNow }[];
  announcements: Announcement[];
  sponsors: { names: string[]; session: Session; now: boolean } | null;
}

export interface Status {
  headline: string;
  /** What comes next here, or where to go. */
  detail: string | null;
  tone: 'before' | 'after' | 'venue' | 'done' | 'free' | 'changed';
}

export function roomView(p: Program, roomId: string, at: number): RoomView {
  const nn = nowNext(p, roomId, at);
  return {
    nn,
    status: nn.current && isLiveHere(nn.current) ? null : statusOf(p, nn, at),
    changes: nn.changed.map((s) => changedLine(p, s)),
    elsewhere: elsewhere(p, nn.room.id, at),
    announcements: activeAnnouncements(p, nn.room.id, at),
    sponsors: sponsorsOf(p, at),
  };
}

/** A session is really on in its room: not called off, not moved away. */
export const isLiveHere = (s: SessionNow): boolean => !s.cancelled && !s.movedTo;

function statusOf(p: Program, nn: NowNext, at: number): Status {
  const name = p.conference.name;
  if (nn.current) return { ...insteadOf(p, nn, at), tone: 'changed' };
  if (nn.state === 'before-event') {
    const first = Math.min(...p.sessions.map((s) => ms(s.start)));
    return {
      headline: `${name} starts ${formatDay(p, first)} at ${formatClock(p, first)}`,
      detail: nn.next ? nextHere(p, nn.next, at) : null,
      tone: 'before',
    };
  }
  if (nn.state === 'after-event')
    return { headline: `${name} took place on ${conferenceDates(p)}`, detail: null, tone: 'after' };

  const next = nn.next && venueDay(p, ms(nn.next.start)) === venueDay(p, at) ? nn.next : null;
  const venue = nn.venue.current;
  if (venue && !venue.cancelled) {
    return { headline: venueHeadline(p, venue), detail: changesThenNext(p, nn, next, at), tone: 'venue' };
  }
  if (nn.state === 'done-for-today' || !next) {
    const later =
      nn.venue.next && venueDay(p, ms(nn.venue.next.start)) === venueDay(p, at) ? nn.venue.next : null;
    return {
      headline: 'Done for today in this room',
      detail: later
        ? `Still to come: ${displayTitle(later)} at ${clockAt(p, later.start)}${where(p, later)}`
        : null,
      tone: 'done',
    };
  }
  return {
    headline: `Nothing here until ${clockAt(p, next.start)}`,
    detail: changesThenNext(p, nn, next, at),
    tone: 'free',
  };
}

const where = (p: Program, s: Session) => (s.room ? ` in ${theRoom(p, s.room)}` : '');

/** "Break until 10:30 AM", "Lunch in the Magnolia Room until 1:30 PM", "Keynote now in the Santa Clara Ballroom". */
export function venueHeadline(p: Program, s: Session): string {
  const until = clockAt(p, s.end);
  if (s.kind === 'break') return `Break${where(p, s)} until ${until}`;
  if (s.kind === 'keynote') return `Keynote now${where(p, s)}`;
  const label = s.kind === 'meal' ? mealLabel(s.title) : s.title;
  return s.room ? `${label}${where(p, s)} until ${until}` : `${label} until ${until}`;
}

function mealLabel(title: string): string {
  for (const m of ['Breakfast', 'Lunch', 'Dinner', 'Brunch'])
    if (new RegExp(m.slice(0, 5), 'i').test(title)) return m;
  return title;
}

/** What is on in the other rooms (program order), venue-wide items without a room first. */
function elsewhere(p: Program, roomId: string, at: number): RoomView['elsewhere'] {
  const on = p.sessions.filter(
    (s) => s.room !== roomId && !s.cancelled && ms(s.start) <= at && at < ms(s.end),
  );
  const out: RoomView['elsewhere'] = on
    .filter((s) => s.room === null)
    .map((s) => ({ room: null, session: withTimes(s, at) }));
  for (const r of p.rooms)
    for (const s of on) if (s.room === r.id) out.push({ room: r, session: withTimes(s, at) });
  return out;
}

export function activeAnnouncements(p: Program, roomId: string | null, at: number): Announcement[] {
  return p.announcements.filter(
    (a) =>
      (roomId === null ? !a.rooms : !a.rooms || a.rooms.includes(roomId)) &&
      (!a.from || ms(a.from) <= at) &&
      (!a.until || at < ms(a.until)),
  );
}

/** Sponsors of the break or meal on now, else of the next one today. */
function sponsorsOf(p: Program, at: number): RoomView['sponsors'] {
  const today = venueDay(p, at);
  const withSponsors = p.sessions
    .filter(
      (s) => s.sponsors.length > 0 && !s.cancelled && venueDay(p, ms(s.start)) === today && ms(s.end) > at,
    )
    .sort((a, b) => ms(a.start) - ms(b.start));
  const s = withSponsors[0];
  if (!s) return null;
  return { names: s.sponsors, session: s, now: ms(s.start) <= at };
}
