import { z } from 'zod';
import { Id } from '../program/schema.js';
import { CUSTOM_PREFIX } from './loop-for.js';

export { CUSTOM_PREFIX, loopFor } from './loop-for.js';

/**
 * The loop as data: which slides a screen shows, in order, and for how long each stays. A slide
 * is a kind the renderer's registry knows (`now`, `grid`, …) or a custom slide (`custom:<id>`,
 * core/settings/slides.ts). Core does not list the kinds: a screen skips one it does not know
 * (a settings file from a newer Hallway), and the admin offers only the kinds it knows.
 */

export const SlideKey = z
  .string()
  .regex(
    /^([a-z][a-z0-9-]*|custom:[A-Za-z0-9][A-Za-z0-9._:-]*)$/,
    'must be a slide kind like "now" or a custom slide like "custom:wifi"',
  );

export const LoopEntry = z.strictObject({
  slide: SlideKey,
  /** How long it stays, in seconds (a paged kind: each page). */
  seconds: z
    .number()
    .int('must be whole seconds')
    .min(3, 'must be at least 3')
    .max(600, 'must be at most 600'),
});
export type LoopEntry = z.infer<typeof LoopEntry>;

export const LoopList = z
  .array(LoopEntry)
  .min(1, 'must list at least one slide')
  .max(40, 'must list at most 40 slides')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.slide))
        ctx.addIssue({ code: 'custom', path: [i, 'slide'], message: `"${e.slide}" is in this loop twice` });
      seen.add(e.slide);
    });
  });

import { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP } from './loop-defaults.js';
export { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP };

export const Loop = z.strictObject({
  /** Every room screen's loop, unless `rooms` names its room. */
  room: LoopList.default(() => DEFAULT_ROOM_LOOP.map((e) => ({ ...e }))),
  /** Per room id: that room's screens show this loop instead. */
  rooms: z.record(Id, LoopList).default({}),
  lobby: LoopList.default(() => DEFAULT_LOBBY_LOOP.map((e) => ({ ...e }))),
});
export type Loop = z.infer<typeof Loop>;

/** Every `custom:<id>` a loop names that no custom slide has, with its path (`loop.room[2].slide`). */
export function unknownCustomSlides(
  loop: Loop,
  ids: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const lists: [(string | number)[], LoopEntry[]][] = [
    [['room'], loop.room],
    [['lobby'], loop.lobby],
    ...Object.entries(loop.rooms).map(([id, l]): [(string | number)[], LoopEntry[]] => [['rooms', id], l]),
  ];
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const [path, list] of lists)
    list.forEach((e, i) => {
      if (!e.slide.startsWith(CUSTOM_PREFIX)) return;
      const id = e.slide.slice(CUSTOM_PREFIX.length);
      if (!ids.has(id))
        out.push({
          path: ['loop', ...path, i, 'slide'],
          message: `names custom slide "${id}", which "slides" does not have: add it there or take it out of the loop`,
        });
    });
  return out;
}
