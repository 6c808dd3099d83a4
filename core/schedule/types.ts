import type { Room, Session } from '../program/schema.js';

/** What a room is doing at an instant. */
export type RoomState = 'before-event' | 'in-session' | 'between-sessions' | 'done-for-today' | 'after-event';

/** When a talk of a block runs: from the source, from staff's "now speaking", or an estimate. */
export interface TalkTime {
  talk: string;
  index: number;
  start: string;
  end: string;
  /** true unless the times come from the program itself. */
  estimated: boolean;
}

/** A session as the program has it, plus its talks' times and the talk on now (if any). */
export type SessionNow = Session & {
  talkTimes: TalkTime[];
  onNow: TalkTime | null;
  /** Set when this room's session was moved elsewhere: where it went. */
  movedTo?: string;
};

export interface NowNext {
  room: Room;
  /** The instant asked about, in venue time with offset. */
  at: string;
  state: RoomState;
  /**
   * This room's own live session on now; failing that, one on now here that was called off or
   * moved away (marked so: the screen says what to do instead). `state` is 'in-session' only
   * for a live one.
   */
  current: SessionNow | null;
  /** This room's next own, live session: never one cancelled or moved away. */
  next: SessionNow | null;
  /** This room's own live sessions after `next`, the same day. */
  later: SessionNow[];
  /**
   * Sessions printed here, on now (besides `current`) or before `next` (or until the end of the
   * day), that are cancelled or moved away: the screen says so instead of advertising them.
   */
  changed: SessionNow[];
  /** What everyone is invited to, wherever it is held: on now, and next. */
  venue: { current: SessionNow | null; next: SessionNow | null };
}

export interface LobbyCell {
  session: SessionNow;
  /** Index into `rooms`; null for venue-wide items spanning all columns. */
  column: number | null;
  /** Minutes from the grid's `from` to the cell's start/end (clipped to the window). */
  top: number;
  bottom: number;
  state: 'past' | 'now' | 'future';
}

export interface LobbyGrid {
  at: string;
  from: string;
  until: string;
  rooms: Room[];
  /** Row boundaries (every 30 min), ISO with offset, plus a display label in venue time. */
  rows: { start: string; label: string; top: number }[];
  cells: LobbyCell[];
  /** Minutes from `from` to `at`; null when `at` is outside the window. */
  nowLine: number | null;
}
