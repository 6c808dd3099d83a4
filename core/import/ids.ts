import type { Room } from '../program/schema.js';
import { idFrom, slugify } from './text.js';
import type { RawEvent, RawSchedule } from './types.js';

/**
 * Ids that stay the same across versions of one source, so overrides made on one version
 * still apply to the next: from the source's own id, guid or UID, never from where an event
 * or room sits in the file. Rooms take the source's room id where it has one (a c3voc/pretalx
 * room guid, a Sessionize room id), since organisers rename rooms; else their name.
 */

export const UNNAMED_ROOM = 'Unnamed room';

/** What an event's id is made from, and what to say about it. */
export interface BaseId {
  id: string;
  /** What was assumed in making it, for the warnings. */
  issue?: string;
}

/** An event's own id: its id, else its guid/UID, else (warned) its title and start. */
export function baseId(e: RawEvent, startKey: string): BaseId {
  const source = e.id?.trim() || e.guid?.trim();
  if (!source) {
    const made = `ev-${slugify(e.title).slice(0, 40) || 'untitled'}-${startKey}`;
    return {
      id: made,
      issue: 'has no id, guid or UID: its id is made from its title and start, so it changes when they do',
    };
  }
  const id = `ev-${idFrom(source)}`;
  // Letters and digits beyond ASCII lose their accent or their place: say so.
  const lost = /[^\p{ASCII}]/u.test(source.replace(/[^\p{L}\p{N}]/gu, ''));
  return lost ? { id, issue: `its id "${source}" has letters a Hallway id cannot hold: made ${id}` } : { id };
}

/**
 * Unique ids for events that share one (the same frab id in two rooms, a UID reused in a
 * hand-made calendar): each gets its room, then its start, added. Every event of such a group
 * is renamed, not all but the first, so the ids do not depend on which comes first in the file.
 */
export function uniqueIds(entries: readonly { id: string; room: string; startKey: string }[]): {
  ids: string[];
  renamed: boolean[];
} {
  const ids = entries.map((e) => e.id);
  const renamed = entries.map(() => false);
  const count = (list: readonly string[]) => {
    const n = new Map<string, number>();
    for (const id of list) n.set(id, (n.get(id) ?? 0) + 1);
    return n;
  };
  const qualifiers: ((i: number) => string)[] = [
    (i) => slugify(entries[i]!.room) || 'no-room',
    (i) => entries[i]!.startKey,
  ];
  for (const q of qualifiers) {
    const n = count(ids);
    const next = ids.map((id, i) => (n.get(id)! > 1 ? `${id}-${q(i)}` : id));
    next.forEach((id, i) => {
      if (id !== ids[i]) renamed[i] = true;
    });
    ids.splice(0, ids.length, ...next);
  }
  // Same id, room and start: the same event twice. Numbered in file order, the last resort.
  const n = count(ids);
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (n.get(id)! <= 1) return;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    ids[i] = `${id}-${k}`;
    renamed[i] = true;
  });
  return { ids, renamed };
}

export function buildRooms(raw: RawSchedule, notes: string[]): { list: Room[]; idOf: Map<string, string> } {
  const list: Room[] = [];
  const idOf = new Map<string, string>();
  const used = new Set<string>();
  // A source id two room names share (pretalx has given every room the same guid) tells them
  // apart from nothing: those rooms take their names.
  const names = new Map<string, string[]>();
  for (const [name, sid] of raw.roomIds ?? []) names.set(sid, [...(names.get(sid) ?? []), name]);
  for (const [sid, shared] of names)
    if (shared.length > 1)
      notes.push(
        `rooms ${shared.map((n) => `"${n}"`).join(', ')} share the id ${sid}: their ids are made from their names`,
      );
  const add = (name: string, id?: string) => {
    if (idOf.has(name)) return;
    const shown = name.trim() || UNNAMED_ROOM;
    const sid = raw.roomIds?.get(name);
    const fromSource = sid && names.get(sid)?.length === 1 ? `room-${idFrom(sid)}` : undefined;
    const base = id ?? fromSource ?? (slugify(shown) || 'room');
    let rid = base;
    if (!id) for (let n = 2; used.has(rid); n++) rid = `${base}-${n}`;
    used.add(rid);
    idOf.set(name, rid);
    list.push({ id: rid, name: shown });
  };
  for (const r of raw.meta?.rooms ?? []) add(r.name, r.id);
  // A nameless room only exists for the events in it; a Hallway export parks its room-less
  // sessions there, and their extras say room: null.
  const inNameless = raw.events.some((e) => e.room !== null && !e.room.trim() && e.extras?.room !== null);
  for (const name of raw.rooms) if (name.trim() || inNameless) add(name);
  for (const e of raw.events) if (e.room !== null && (e.room.trim() || e.extras?.room !== null)) add(e.room);
  const nameless = raw.events.filter(
    (e) => e.room !== null && !e.room.trim() && e.extras?.room !== null,
  ).length;
  if (nameless)
    notes.push(`${nameless} event(s) in a room with no name: put in a room called "${UNNAMED_ROOM}"`);
  return { list, idOf };
}
