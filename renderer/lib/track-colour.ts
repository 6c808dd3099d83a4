import type { Program, Session } from '../../core/program/schema.js';
import { contrastRatio } from '../../core/settings/contrast.js';
import type { Settings } from '../../core/settings/schema.js';

/** The colour the schedule itself gives a track (c3voc/pretalx/frab), null when it gives none. */
export function scheduleColour(p: Pick<Program, 'tracks'>, track: string): string | null {
  return p.tracks?.find((t) => t.name === track)?.colour ?? null;
}

/**
 * The colour of the session's track: staff's in the settings first, then the schedule's own
 * (null: neither, the screen's own look).
 */
export function trackColour(
  settings: Settings,
  p: Pick<Program, 'tracks'>,
  s: Pick<Session, 'track'>,
): string | null {
  if (!s.track) return null;
  return settings.tracks[s.track] ?? scheduleColour(p, s.track);
}

const INKS = ['#000000', '#ffffff'] as const;

/**
 * Text on a track's colour (the room card's track chip): black or white, whichever contrasts more
 * with it. Any colour gets at least 4.6:1 so, the most a stripe of any colour allows.
 */
export function inkOn(colour: string): string {
  return contrastRatio(colour, INKS[0]) >= contrastRatio(colour, INKS[1]) ? INKS[0] : INKS[1];
}
