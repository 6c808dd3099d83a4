import { loopFor } from '../../core/settings/loop-for.js';
import type { LoopEntry } from '../../core/settings/loop.js';
import type { Settings } from '../../core/settings/schema.js';
import type { CustomSlide } from '../../core/settings/slides.js';

/** The loop a screen runs (its room's, every room's, or the lobby's) and the custom slides it may name. */
export function screenLoop(
  settings: Settings,
  room: string | null,
): { loop: LoopEntry[]; slides: readonly CustomSlide[] } {
  return { loop: loopFor(settings.loop, room), slides: settings.slides };
}
