import type { Person, Program, Session } from '../program/schema.js';
import { isoInVenue, ms, toVenue, DAY_ROLLOVER_HOURS } from '../time/venue.js';
import { lobbyWindow } from './lobby.js';

/** The window a day cut holds: the lobby's day at `at` (venue instants, ISO). */
export interface DayWindow {
  from: string;
  until: string;
  room?: string;
  /** Room payloads: when to fetch again (the day turns, or the window runs out), whatever happens. */
  renew?: string;
}

/** The lobby's day at `at` as a cut names it (venue time, ISO). */
export function dayWindow(program: Program, at: number): DayWindow {
  const { from, until } = lobbyWindow(program, at);
  return { from: isoInVenue(program, from), until: isoInVenue(program, until) };
}

/**
 * The program cut to the conference day the lobby shows at `at` (that day, else the next, else the
 * last): only the sessions overlapping it, as the board shows them (`onBoard`: no abstracts,
 * people or links; 35C3: a third of the size), and with `room` a room screen's payload (roomCut).
 * Everything else (conference, rooms, announcements, alerts) is kept whole, so a screen paints its
 * first page from it with the same code as from the full program.
 */
export function dayCut(program: Program, at: number, room?: string): { program: Program; window: DayWindow } {
  if (room !== undefined) return roomCut(program, at, room);
  const { from, until } = lobbyWindow(program, at);
  const sessions = program.sessions.filter((s) => ms(s.start) < until && ms(s.end) > from).map(onBoard);
  return { program: { ...program, sessions }, window: dayWindow(program, at) };
}

/**
 * The frame of a screen with nothing assigned: the day cut without sessions (core/protocol/room.ts
 * frameUrl). Conference, rooms, announcements and alerts stay whole, as in every cut.
 */
export function frameCut(program: Program, at: number): { program: Program; window: DayWindow } {
  return { program: { ...program, sessions: [] }, window: dayWindow(program, at) };
}

/** Noon: "tomorrow morning" ends then, so a screen offline overnight still has its first sessions. */
const MORNING_ENDS_HOUR = 12;

/**
 * What a room screen needs for the rest of its day and the next morning, and nothing it never
 * shows (issue 19): from the start of the day on screen (or `at`, if earlier: a session running
 * past midnight) until noon the day after, this room's sessions (with those printed here and
 * moved away) and the venue-wide ones, without the abstracts and bios no slide shows; the other rooms' on at `at` or later that day, without
 * abstracts and people (the "elsewhere now" slide shows their titles and times); plus this room's
 * next session after the window, so "next here" is right even days ahead. `renew` is the next day
 * turn (04:00 venue time) or the window's end, whichever comes first. Cut at `at`, it holds
 * nothing for an earlier instant: a clock set back fetches it again.
 */
function roomCut(program: Program, at: number, room: string): { program: Program; window: DayWindow } {
  const day = lobbyWindow(program, at);
  const from = Math.min(day.from, at);
  const dayStart = toVenue(program, day.from).minus({ hours: DAY_ROLLOVER_HOURS }).startOf('day');
  const until = Math.max(day.until, dayStart.plus({ days: 1, hours: MORNING_ENDS_HOUR }).toMillis());
  const turn = toVenue(program, at)
    .minus({ hours: DAY_ROLLOVER_HOURS })
    .startOf('day')
    .plus({ days: 1, hours: DAY_ROLLOVER_HOURS })
    .toMillis();
  const here = (s: Session) => s.room === null || s.room === room || s.original?.room === room;
  // The other rooms' only as "elsewhere now" shows them: on now or later today.
  const dayEnd = day.until;
  const elsewhere = (start: number, end: number) => end > at && start < dayEnd;
  const sessions: Session[] = [];
  let after: Session | null = null;
  for (const s of program.sessions) {
    const start = ms(s.start);
    const end = ms(s.end);
    if (start < until && end > from && here(s)) sessions.push(lean(s));
    else if (start < until && end > from && elsewhere(start, end)) sessions.push(slim(s));
    else if (start >= until && s.room === room && !s.cancelled && (!after || start < ms(after.start)))
      after = s;
  }
  if (after) sessions.push(after);
  return {
    program: { ...program, sessions },
    window: {
      from: isoInVenue(program, from),
      until: isoInVenue(program, until),
      room,
      renew: isoInVenue(program, until > at ? Math.min(turn, until) : turn),
    },
  };
}

const person = ({ bio: _bio, ...p }: Person): Person => p;

/** This room's session as its screen shows it: whole, but for the long texts no slide shows. */
function lean(s: Session): Session {
  const { abstract: _abstract, ...rest } = s;
  return {
    ...rest,
    chairs: s.chairs.map(person),
    speakers: s.speakers.map(person),
    talks: s.talks.map(({ abstract: _a, prerequisites: _p, ...t }) => ({
      ...t,
      speakers: t.speakers.map(person),
      ...(t.moderator ? { moderator: person(t.moderator) } : {}),
      ...(t.panelists ? { panelists: t.panelists.map(person) } : {}),
    })),
  };
}

/**
 * Another room's session as the room screen uses it ("elsewhere now", a move's "moved to"): title,
 * times, room, kind, what staff changed; no abstracts, people, links (35C3: 3× smaller).
 */
function slim(s: Session): Session {
  const out: Session = {
    id: s.id,
    title: s.title,
    kind: s.kind,
    audience: s.audience,
    start: s.start,
    end: s.end,
    room: s.room,
    chairs: [],
    sponsors: s.sponsors,
    speakers: [],
    talks: s.talks.map((t) => ({ id: t.id, title: t.title, kind: t.kind, speakers: [], media: false })),
  };
  for (const k of ['track', 'cancelled', 'note', 'delayMinutes', 'original', 'nowSpeaking'] as const)
    if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  return out;
}

/**
 * A session as the lobby board shows it (grid cells, now & next): `slim`, with each talk's own
 * times and changes kept, which say the talk on now and what staff cancelled.
 */
function onBoard(s: Session): Session {
  return {
    ...slim(s),
    talks: s.talks.map((t) => {
      const out: Session['talks'][number] = {
        id: t.id,
        title: t.title,
        kind: t.kind,
        speakers: [],
        media: false,
      };
      for (const k of ['start', 'end', 'cancelled', 'note'] as const)
        if (t[k] !== undefined) (out as Record<string, unknown>)[k] = t[k];
      return out;
    }),
  };
}
