import type { Program, StoredProgram } from '../program/schema.js';
import type { OverrideEntry, OverrideInput, OverrideReview } from './schema.js';
import { formatHm, ms } from '../time/venue.js';

/**
 * What a new program version did to an override made against an older one. Staff made the
 * override knowing the session as it was; when the source then removes the session, or itself
 * retimes or moves it, the override may no longer say what they meant. Pure.
 */

/** A version as printed (stored), or an effective program: only printed fields are read. */
type Version = StoredProgram | Program;
type PrintedSession = StoredProgram['sessions'][number];

interface Lookup {
  sessions: Map<string, PrintedSession>;
  talks: Map<string, string>;
  rooms: Map<string, string>;
}

const lookups = new WeakMap<Version, Lookup>();

function lookup(p: Version): Lookup {
  let l = lookups.get(p);
  if (!l) {
    l = {
      sessions: new Map<string, PrintedSession>(p.sessions.map((s) => [s.id, s])),
      talks: new Map(p.sessions.flatMap((s) => s.talks.map((t) => [t.id, t.title] as const))),
      rooms: new Map(p.rooms.map((r) => [r.id, r.name])),
    };
    lookups.set(p, l);
  }
  return l;
}

/** What the override names, each as [what, id]. */
function targets(o: OverrideInput): ['session' | 'talk' | 'room', string][] {
  const out: ['session' | 'talk' | 'room', string][] = [];
  if ('session' in o && o.session !== undefined) out.push(['session', o.session]);
  if ('talk' in o && o.talk !== undefined) out.push(['talk', o.talk]);
  if (o.kind === 'move') out.push(['room', o.room]);
  if (o.kind === 'announce') for (const r of o.rooms ?? []) out.push(['room', r]);
  return out;
}

function titleIn(l: Lookup, what: 'session' | 'talk' | 'room', id: string): string | undefined {
  if (what === 'session') return l.sessions.get(id)?.title;
  return what === 'talk' ? l.talks.get(id) : l.rooms.get(id);
}

/** The first target the origin had and `now` lacks, described as the origin had it. */
function vanished(origin: Version, now: Version, o: OverrideInput): string | null {
  const was = lookup(origin);
  const is = lookup(now);
  const list = targets(o);
  // An announcement still shows on the rooms that remain: only all of them gone is "gone".
  if (o.kind === 'announce' && list.some(([, id]) => is.rooms.has(id))) return null;
  for (const [what, id] of list) {
    const title = titleIn(was, what, id);
    if (title !== undefined && titleIn(is, what, id) === undefined) return `${what} “${title}” (${id})`;
  }
  return null;
}

/** How `now` itself changed the session from how `origin` printed it, or null. */
function printedChange(origin: Version, now: Version, id: string): string | null {
  const a = lookup(origin).sessions.get(id);
  const b = lookup(now).sessions.get(id);
  if (!a || !b) return null;
  const parts: string[] = [];
  if (ms(a.start) !== ms(b.start) || ms(a.end) !== ms(b.end))
    parts.push(`retimed it from ${formatHm(origin, ms(a.start))} to ${formatHm(now, ms(b.start))}`);
  if (a.room !== b.room) {
    const room = (p: Version, r: string | null) => (r === null ? 'no room' : (lookup(p).rooms.get(r) ?? r));
    parts.push(`moved it from ${room(origin, a.room)} to ${room(now, b.room)}`);
  }
  return parts.length ? `this version itself ${parts.join(' and ')}` : null;
}

/**
 * The review of one override made against `origin`, applied to `now` (the printed version, no
 * overrides); `failed` says whether applying it to `now` failed. null: nothing to say.
 */
export function reviewOverride(
  origin: Version,
  now: Version,
  entry: OverrideEntry,
  failed: boolean,
): OverrideReview | null {
  const o = entry.override;
  const base = { revision: entry.revision, kind: o.kind };
  if (failed) {
    const what = vanished(origin, now, o);
    if (what === null) return null;
    return {
      ...base,
      status: 'gone',
      text: `no longer applies: ${what} is not in this version of the program; kept in the log, not applied`,
    };
  }
  if (o.kind !== 'delay' && o.kind !== 'move') return null;
  const change = printedChange(origin, now, o.session);
  if (change === null) return null;
  const title = lookup(now).sessions.get(o.session)?.title ?? o.session;
  return {
    ...base,
    status: 'review',
    text: `to review: ${change} (“${title}”, ${o.session}); the ${o.kind} still applies on top of that`,
  };
}
