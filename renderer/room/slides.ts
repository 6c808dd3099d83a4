import type { SlideDef } from '../lib/rotator.svelte.js';
import type { RoomView } from './view.js';

export type RoomSlide = 'now' | 'next' | 'later' | 'elsewhere' | 'announcements' | 'sponsors';

/** The room screen's loop, as data: what each slide is, how long it stays, and when it applies. */
export const ROOM_SLIDES: readonly (SlideDef<RoomView> & { kind: RoomSlide })[] = [
  { kind: 'now', duration: 20_000, when: () => true },
  { kind: 'next', duration: 10_000, when: (v) => v.nn.next !== null && v.nn.state !== 'after-event' },
  { kind: 'later', duration: 10_000, when: (v) => v.nn.later.length > 0 },
  { kind: 'elsewhere', duration: 12_000, when: (v) => v.elsewhere.length > 0 },
  { kind: 'announcements', duration: 12_000, when: (v) => v.announcements.length > 0 },
  { kind: 'sponsors', duration: 8_000, when: (v) => v.sponsors !== null },
];
