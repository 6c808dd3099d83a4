import type { Program, RoomStatus } from '../../core/program/schema.js';
import type { Settings } from '../../core/settings/schema.js';
import { roomName } from './format.js';
import { en, type Messages } from './i18n/en.js';

/** Where rooms are and how full they are; the words are the catalogue's (`m.place`). */

/** "Hall 1, first floor": where the room is, as the settings say (null: they say nothing). */
export function placeOf(settings: Settings, roomId: string | null): string | null {
  const d = roomId ? settings.rooms[roomId] : undefined;
  const parts = [d?.building, d?.floor].filter((x): x is string => !!x);
  return parts.length ? parts.join(', ') : null;
}

/** "Borg · Hall 1, first floor →" (just the name where the settings give no place). */
export function roomWithPlace(p: Program, settings: Settings, roomId: string): string {
  const name = roomName(p, roomId) ?? roomId;
  const place = placeOf(settings, roomId);
  return place ? `${name} · ${place} →` : name;
}

/** "Moved to Eliza · CCL, first floor →": a move says where the session went and where that is. */
export function movedLine(p: Program, settings: Settings, roomId: string, m: Messages = en): string {
  const place = placeOf(settings, roomId);
  const moved = m.session.movedTo(roomName(p, roomId) ?? roomId);
  return place ? `${moved} · ${place} →` : moved;
}

/**
 * Where the screen stands, when the settings know the place: the registry's assignment for it
 * (`assigned`), else `?location=Entrance` on its URL (a browser screen nobody assigned). Its own
 * "how to get there" wins over the room's. An assigned place the settings dropped since falls
 * back to the URL's, as if none were assigned.
 */
export function screenLocation(settings: Settings, search: string, assigned?: string): string | null {
  const known = (name: string | undefined) => (name && Object.hasOwn(settings.locations, name) ? name : null);
  return known(assigned?.trim()) ?? known(new URLSearchParams(search).get('location')?.trim());
}

/** How to get to the room from where the screen stands (null: the settings say nothing). */
export function directionsTo(settings: Settings, location: string | null, roomId: string): string | null {
  // Own keys only: a name such as "constructor" is no location (nor a room id a direction).
  const place =
    location && Object.hasOwn(settings.locations, location) ? settings.locations[location] : undefined;
  const own = place && Object.hasOwn(place.directions, roomId) ? place.directions[roomId] : undefined;
  return own ?? settings.rooms[roomId]?.directions ?? null;
}

/** What the band over a full (or filling) room's screen says, and the stream to offer. */
export function statusBand(
  p: Program,
  settings: Settings,
  roomId: string,
  status: RoomStatus['status'],
  m: Messages = en,
): { headline: string; detail: string | null; stream: string | null } {
  const d = settings.rooms[roomId];
  const stream = d?.stream ?? null;
  if (status === 'filling')
    return { headline: m.place.status.filling, detail: m.place.fillingDetail, stream: null };
  const overflow = d?.overflow ? (roomName(p, d.overflow) ?? null) : null;
  const where = overflow ? roomWithPlace(p, settings, d!.overflow!).replace(/ →$/, '') : null;
  return { headline: m.place.status.full, detail: m.place.watch(where, !!stream), stream };
}
