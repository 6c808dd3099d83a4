import type { Program, Session, StoredProgram, Talk } from '../program/schema.js';
import type { JournalEntry, OverrideEntry, OverrideInput, OverrideReview } from './schema.js';
import { isoInVenue, ms } from '../time/venue.js';
import { sessionDay } from '../schedule/sessions.js';
import { revertedRevisions } from './reverted.js';
import { statusEnd } from './room-status.js';
import { reviewOverride } from './review.js';

export { checkOverride } from './check.js';

const MINUTE = 60_000;

interface Index {
  sessions: Map<string, Session>;
  talks: Map<string, { session: Session; talk: Talk }>;
  rooms: Set<string>;
}

/** A stored program as the effective one before any override: what a screen shows of a bare file. */
export function asEffective(program: StoredProgram): Program {
  return { ...program, announcements: [], alerts: [] };
}

export interface ApplyContext {
  /**
   * The program version in force when the override at `revision` was accepted, when it is not
   * `program` (a newer version was published since): its overrides are then reviewed.
   */
  madeAgainst?: (revision: number) => StoredProgram | Program | undefined;
}

/**
 * The effective program: the stored one with the journal's overrides applied in revision order.
 * Pure: the input is not touched. Reverted overrides, clock and program entries are skipped. An
 * override naming what this program lacks (a version that removed it) becomes a problem line and
 * is skipped; nothing here throws. With `ctx.madeAgainst`, such an override is also listed in
 * `review` with what its target was, and so is a delay or move on a session the newer version
 * itself retimed or moved. Changed items stay in the program, marked (`cancelled`, `original`,
 * `delayMinutes`), so screens can say what happened instead of going silent.
 */
export function applyOverrides(
  program: StoredProgram | Program,
  journal: JournalEntry[],
  ctx: ApplyContext = {},
): { program: Program; problems: string[]; review: OverrideReview[] } {
  const entries = [...journal].sort((a, b) => a.revision - b.revision);
  const { reverted, problems } = revertedRevisions(entries);
  const applied = entries.filter(
    (e): e is OverrideEntry => e.type === 'override' && !reverted.has(e.revision),
  );
  // Alerts alone (the emergency change) leave everything under them as it was: nothing is copied,
  // so the host does not clone a 35C3-sized program per alert, and a screen's slides, derived
  // from sessions and rooms that are the same objects, need not be built again under it.
  if (
    !ctx.madeAgainst &&
    applied.every((e) => e.override.kind === 'alert') &&
    !program.sessions.some(unsettled)
  ) {
    const out: Program = {
      announcements: [],
      ...program,
      alerts: [...('alerts' in program ? program.alerts : [])],
    };
    for (const e of applied) addAlert(out, e);
    return { program: out, problems, review: [] };
  }
  // A stored program has no announcements or alerts of its own: only overrides add them.
  const out: Program = { announcements: [], alerts: [], ...structuredClone(program) };
  const review: OverrideReview[] = [];
  const index = indexOf(out);
  for (const entry of applied) {
    const problem = applyOne(out, index, entry);
    const origin = ctx.madeAgainst?.(entry.revision);
    const reviewed = origin ? reviewOverride(origin, program, entry, problem !== null) : null;
    if (reviewed) review.push(reviewed);
    if (reviewed || problem)
      problems.push(`revision ${entry.revision} (${entry.override.kind}): ${reviewed?.text ?? problem}`);
  }
  for (const s of out.sessions) settle(s);
  return { program: out, problems, review };
}

function indexOf(p: Program): Index {
  const talks = new Map<string, { session: Session; talk: Talk }>();
  for (const session of p.sessions) for (const talk of session.talks) talks.set(talk.id, { session, talk });
  return {
    sessions: new Map(p.sessions.map((s) => [s.id, s])),
    talks,
    rooms: new Set(p.rooms.map((r) => r.id)),
  };
}

/** Applies one override in place; returns what was wrong (and so skipped), or null. */
function applyOne(p: Program, index: Index, entry: OverrideEntry): string | null {
  const o = entry.override;
  switch (o.kind) {
    case 'cancel':
    case 'edit': {
      const target = targetOf(index, o);
      if (typeof target === 'string') return target;
      if (o.kind === 'cancel') target.cancelled = o.note ? { note: o.note } : {};
      else {
        if (o.title !== undefined) target.title = o.title;
        if (o.speakers !== undefined) target.speakers = structuredClone(o.speakers);
        if (o.note !== undefined) {
          if (o.note) target.note = o.note;
          else delete target.note;
        }
      }
      return null;
    }
    case 'delay': {
      const s = index.sessions.get(o.session);
      if (!s) return missing('session', o.session);
      const startMs = ms(s.start);
      const day = sessionDay(p, s);
      // Cascade: the room's later sessions that day follow; venue-wide items (no room) keep their time.
      const later =
        o.cascade && s.room !== null
          ? p.sessions.filter(
              (x) => x !== s && x.room === s.room && ms(x.start) >= startMs && sessionDay(p, x) === day,
            )
          : [];
      for (const x of [s, ...later]) shift(p, x, o.minutes);
      return null;
    }
    case 'move': {
      const s = index.sessions.get(o.session);
      if (!s) return missing('session', o.session);
      if (!index.rooms.has(o.room)) return missing('room', o.room);
      remember(s);
      s.room = o.room;
      return null;
    }
    case 'now-speaking': {
      const s = index.sessions.get(o.session);
      if (!s) return missing('session', o.session);
      if (!s.talks.some((t) => t.id === o.talk))
        return `session "${o.session}" has no talk "${o.talk}" (the program changed?); skipped`;
      s.nowSpeaking = { talk: o.talk, since: entry.at };
      return null;
    }
    case 'announce': {
      const known = o.rooms?.filter((r) => index.rooms.has(r));
      const unknown = o.rooms?.filter((r) => !index.rooms.has(r)) ?? [];
      // Dropping every room would turn a room notice into one for all screens: skip it instead.
      if (known && known.length === 0) return missing('room', unknown.join('", "'));
      p.announcements.push({
        id: entry.revision,
        text: o.text,
        ...(known ? { rooms: known } : {}),
        ...(o.from ? { from: o.from } : {}),
        ...(o.until ? { until: o.until } : {}),
      });
      return unknown.length
        ? `unknown room "${unknown.join('", "')}" (the program changed?); shown on the other rooms`
        : null;
    }
    case 'alert':
      addAlert(p, entry);
      return null;
    case 'room-status': {
      const room = p.rooms.find((r) => r.id === o.room);
      if (!room) return missing('room', o.room);
      if (o.status === 'open') delete room.status;
      else
        room.status = {
          status: o.status,
          until: o.until ?? isoInVenue(p, statusEnd(p, o.room, ms(entry.at))),
          since: entry.at,
        };
      return null;
    }
  }
}

function missing(what: string, id: string): string {
  return `unknown ${what} "${id}" (the program changed?); skipped`;
}

function targetOf(
  index: Index,
  o: Extract<OverrideInput, { kind: 'cancel' | 'edit' }>,
): Session | Talk | string {
  if (o.session !== undefined) return index.sessions.get(o.session) ?? missing('session', o.session);
  if (o.talk !== undefined) return index.talks.get(o.talk)?.talk ?? missing('talk', o.talk);
  return 'names neither a session nor a talk; skipped';
}

/** Keeps the printed time and room the first time an override changes either. */
function remember(s: Session) {
  s.original ??= { start: s.start, end: s.end, room: s.room };
}

function shift(p: Program, s: Session, minutes: number) {
  remember(s);
  const by = minutes * MINUTE;
  s.start = isoInVenue(p, ms(s.start) + by);
  s.end = isoInVenue(p, ms(s.end) + by);
  s.delayMinutes = (s.delayMinutes ?? 0) + minutes;
  for (const t of s.talks) {
    if (t.start !== undefined) t.start = isoInVenue(p, ms(t.start) + by);
    if (t.end !== undefined) t.end = isoInVenue(p, ms(t.end) + by);
  }
}

function addAlert(p: Program, entry: OverrideEntry): void {
  if (entry.override.kind === 'alert') p.alerts.push({ id: entry.revision, text: entry.override.text });
}

/** The session is back in the room and at the time its `original` records. */
const backWhereItWas = (s: Session): boolean => {
  const o = s.original;
  return !!o && o.room === s.room && ms(o.start) === ms(s.start) && ms(o.end) === ms(s.end);
};
/** settle would tidy it: delayed by nothing, or back where it was. */
const unsettled = (s: Session): boolean => s.delayMinutes === 0 || backWhereItWas(s);

/**
 * A session moved back, or delayed and then pulled forward by as much, is as printed again, down
 * to the printed strings: screens apply entries one at a time to the effective program, and a
 * later `remember` must then record the same original as the whole journal applied at once.
 */
function settle(s: Session) {
  if (s.delayMinutes === 0) delete s.delayMinutes;
  const o = s.original;
  if (o && backWhereItWas(s)) {
    s.start = o.start;
    s.end = o.end;
    delete s.original;
  }
}
