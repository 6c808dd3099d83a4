import type { Program, RoomStatus } from '../../core/program/schema.js';
import type { Settings } from '../../core/settings/schema.js';
import { roomName } from './format.js';
import { en, type Messages } from './i18n/index.svelte.js';

/** Where rooms are (the settings' room details) and how full, in the screen's language. */
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

/** What the band over a full (or filling) room's screen says, and the stream to offer. */
export function statusBand(
  p: Program,
  settings: Settings,
  roomId: string,
  status: RoomStatus['status'],
  m: Messages = en,
): { headline: string; detail: string | null; stream: string | null } {
  const t = m.roomStatus;
  const d = settings.rooms[roomId];
  const stream = d?.stream ?? null;
  if (status === 'filling') return { headline: t.filling, detail: t.fillingDetail, stream: null };
  const where = d?.overflow ? roomWithPlace(p, settings, d.overflow).replace(/ →$/, '') : null;
  const detail =
    where && stream
      ? t.watchInOrStream(where)
      : where
        ? t.watchIn(where)
        : stream
          ? t.watchStream
          : t.noSeats;
  return { headline: t.full, detail, stream };
}
