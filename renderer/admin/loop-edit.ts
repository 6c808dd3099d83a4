import { CUSTOM_PREFIX } from '../../core/settings/loop-for.js';
import type { Loop, LoopEntry } from '../../core/settings/loop.js';
import type { CustomSlide, CustomSlideType } from '../../core/settings/slides.js';
import type { SlideSchedule } from '../../core/slides/schedule.js';

/**
 * The admin's edits of the loop and the custom slides, as pure functions on copies: the panel
 * keeps a draft, and the host checks the whole document when it is saved.
 */

/** Which loop the panel edits: every room's, the lobby's, or one room's own. */
export type LoopTarget = { kind: 'rooms' } | { kind: 'lobby' } | { kind: 'room'; room: string };

export function loopOf(loop: Loop, t: LoopTarget): LoopEntry[] | null {
  if (t.kind === 'rooms') return loop.room;
  if (t.kind === 'lobby') return loop.lobby;
  return loop.rooms[t.room] ?? null;
}

export function withLoop(loop: Loop, t: LoopTarget, list: LoopEntry[] | null): Loop {
  if (t.kind === 'rooms') return { ...loop, room: list ?? loop.room };
  if (t.kind === 'lobby') return { ...loop, lobby: list ?? loop.lobby };
  const rooms = { ...loop.rooms };
  if (list) rooms[t.room] = list;
  else delete rooms[t.room];
  return { ...loop, rooms };
}

/** The list with entry `i` moved `by` places (kept inside the list). */
export function moved<T>(list: readonly T[], i: number, by: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, i + by));
  const out = [...list];
  const [item] = out.splice(i, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** A new custom slide of `type`, with an id no other slide has and content to edit. */
export function newCustomSlide(type: CustomSlideType, taken: readonly CustomSlide[]): CustomSlide {
  let n = 1;
  while (taken.some((s) => s.id === `${type}-${n}`)) n++;
  const id = `${type}-${n}`;
  if (type === 'text') return { type, id, heading: 'Wi-Fi', lines: ['Network: … · Password: …'] };
  if (type === 'qr') return { type, id, heading: 'Watch the stream', url: 'https://' };
  return {
    type,
    id,
    heading: 'Thank you to our sponsors',
    layout: 'logos',
    tiers: [{ name: 'Gold', logos: [] }],
  };
}

/** Deletes a custom slide and takes it out of every loop (a loop naming it would be refused). */
export function withoutSlide(
  loop: Loop,
  slides: readonly CustomSlide[],
  id: string,
): { loop: Loop; slides: CustomSlide[] } {
  const key = CUSTOM_PREFIX + id;
  const drop = (l: LoopEntry[]) => l.filter((e) => e.slide !== key);
  return {
    loop: {
      room: drop(loop.room),
      lobby: drop(loop.lobby),
      rooms: Object.fromEntries(Object.entries(loop.rooms).map(([r, l]) => [r, drop(l)])),
    },
    slides: slides.filter((s) => s.id !== id),
  };
}

/** A schedule from the form's fields: "2019-05-20, 2019-05-21", "12:00", "13:30", room ids; empty parts left out. */
export function scheduleFrom(f: {
  days: string;
  from: string;
  until: string;
  rooms: string[];
}): SlideSchedule | undefined {
  const days = f.days
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const s: SlideSchedule = {
    ...(days.length ? { days } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.until ? { until: f.until } : {}),
    ...(f.rooms.length ? { rooms: f.rooms } : {}),
  };
  return Object.keys(s).length ? s : undefined;
}
