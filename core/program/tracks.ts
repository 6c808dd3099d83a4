import { Colour } from '../settings/colour.js';
import type { TrackColour } from './schema.js';

/** A track as a file lists it, before its colour is checked; `where` places it for messages. */
export interface TrackEntry {
  where: string;
  name: unknown;
  colour: unknown;
}

const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v)));

/**
 * The tracks whose colour reads as a CSS hex colour. A colour that does not is left out with a
 * warning naming the track (the screens show it without a colour): a published schedule is never
 * refused for its colours. A track listed twice keeps its first colour; one without a colour or
 * name says nothing to a screen and is passed over.
 */
export function readTrackColours(entries: readonly TrackEntry[]): {
  tracks: TrackColour[];
  warnings: string[];
} {
  const tracks: TrackColour[] = [];
  const warnings: string[] = [];
  for (const e of entries) {
    const name = typeof e.name === 'string' ? e.name.trim() : '';
    if (!name || e.colour === undefined || e.colour === null || e.colour === '') continue;
    const colour = Colour.safeParse(e.colour);
    if (!colour.success) {
      warnings.push(
        `${e.where}: track "${name}" has the colour ${quoted(e.colour)}, not a colour like #ffb627: the screens show it without one`,
      );
      continue;
    }
    const seen = tracks.find((t) => t.name === name);
    if (!seen) tracks.push({ name: name.slice(0, 500), colour: colour.data });
    else if (seen.colour !== colour.data)
      warnings.push(
        `${e.where}: track "${name}" is listed again with another colour (${colour.data}): kept its first, ${seen.colour}`,
      );
  }
  return { tracks, warnings };
}
