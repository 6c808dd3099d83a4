import type { Snapshot } from '../../core/protocol/index.js';
import { Loop, loopFor, type LoopEntry } from '../../core/settings/loop.js';
import type { CustomSlide } from '../../core/settings/slides.js';

const DEFAULT_LOOP: Loop = Loop.parse({});

/** The loop a screen runs (its room's, every room's, or the lobby's) and the custom slides it may name. */
export function screenLoop(
  _snapshot: Snapshot | null,
  room: string | null,
): { loop: LoopEntry[]; slides: readonly CustomSlide[] } {
  return { loop: loopFor(DEFAULT_LOOP, room), slides: [] };
}
