import type { Announcement, Program, Room, Session } from '../../core/program/schema.js';
import type { NowNext, SessionNow } from '../../core/schedule/types.js';
import { nowNext } from '../../core/schedule/now-next.js';
import { withTimes } from '../../core/schedule/sessions.js';
import { ms, venueDay } from '../../core/time/venue.js';
import { clockAt, conferenceDates, dayLine, displayTitle, roomName } from '../lib/format.js';
import { activeAnnouncements } from '../lib/announcements.js';
import { venueHeadline } from '../lib/venue-headline.js';
import { en, type Messages } from '../lib/i18n/en.js';
import { clockIn } from '../lib/i18n/time.js';
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

/** `m`: the screen language's catalogue (English unless given). */
export function roomView(p: Program, roomId: string, at: number, m: Messages = en): RoomView {
  const nn = nowNext(p, roomId, at);
  return {
    nn,
    status: nn.current && isLiveHere(nn.current) ? null : statusOf(p, nn, at, m),
    changes: nn.changed.map((s) => changedLine(p, s, m)),
    elsewhere: elsewhere(p, nn.room.id, at),
    announcements: activeAnnouncements(p, nn.room.id, at),
    sponsors: sponsorsOf(p, at),
  };
}

/** A session is really on in its room: not called off, not moved away. */
export const isLiveHere = (s: SessionNow): boolean => !s.cancelled && !s.movedTo;

function statusOf(p: Program, nn: NowNext, at: number, m: Messages): Status {
  const name = p.conference.name;
  if (nn.current) return { ...insteadOf(p, nn, at, m), tone: 'changed' };
  if (nn.state === 'before-event') {
    const first = Math.min(...p.sessions.map((s) => ms(s.start)));
    return {
      headline: m.status.startsOn(name, dayLine(p, first, m), clockIn(p, first, m)),
      detail: nn.next ? nextHere(p, nn.next, at, m) : null,
      tone: 'before',
    };
  }
  if (nn.state === 'after-event')
    return { headline: m.status.tookPlace(name, conferenceDates(p, m)), detail: null, tone: 'after' };

  const next = nn.next && venueDay(p, ms(nn.next.start)) === venueDay(p, at) ? nn.next : null;
  const venue = nn.venue.current;
  if (venue && !venue.cancelled) {
    return {
      headline: venueHeadline(p, venue, m),
      detail: changesThenNext(p, nn, next, at, m),
      tone: 'venue',
    };
  }
  if (nn.state === 'done-for-today' || !next) {
    const later =
      nn.venue.next && venueDay(p, ms(nn.venue.next.start)) === venueDay(p, at) ? nn.venue.next : null;
    return {
      headline: m.status.doneToday,
      detail: later
        ? m.status.stillToCome(displayTitle(later), clockAt(p, later.start, m), roomName(p, later.room))
        : null,
      tone: 'done',
    };
  }
  return {
    headline: m.status.nothingUntil(clockAt(p, next.start, m)),
    detail: changesThenNext(p, nn, next, at, m),
    tone: 'free',
  };
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
