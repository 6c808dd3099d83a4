import type { Snapshot } from '../../core/protocol/index.js';
import { PROTOCOL_VERSION } from '../../core/protocol/wire.js';

/**
 * The last snapshot a screen saw, so it can start (and keep running) while the host is away. A
 * room screen keeps its room payload (the rest of its day and the next morning) under a key of its
 * own, so a lobby in the same browser does not overwrite it, nor it the lobby's full snapshot.
 */
const KEY = 'hallway:snapshot';
const ROOM_KEY = 'hallway:room:';

export interface Cached {
  snapshot: Snapshot;
  skew: number;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy mode, file://): run without a cache
  }
}

const keyOf = (room: string | undefined) => (room === undefined ? KEY : ROOM_KEY + room);

/**
 * The cached full snapshot, or with `room` that room's payload. Anything else under the key (a day
 * cut, another room's payload, a damaged entry) is not used.
 */
export function loadCached(room?: string): Cached | null {
  const s = storage();
  const raw = s?.getItem(keyOf(room));
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { snapshot?: Snapshot; skew?: unknown; protocol?: unknown };
    // The host validated it when it sent it; one kept by a build of another protocol may read wrong.
    if (data.protocol !== PROTOCOL_VERSION || typeof data.snapshot?.revision !== 'number') return null;
    if (data.snapshot.partial?.room !== room) return null;
    return { snapshot: data.snapshot, skew: typeof data.skew === 'number' ? data.skew : 0 };
  } catch {
    return null;
  }
}

/** Keeps a full snapshot or a room payload (never a lobby's day cut); one room payload at a time. */
export function saveCached(c: Cached): void {
  const room = c.snapshot.partial?.room;
  if (c.snapshot.partial && room === undefined) return;
  try {
    const s = storage();
    if (!s) return;
    // A screen reassigned to another room drops the payload of the one it showed.
    if (room !== undefined)
      for (let i = s.length - 1; i >= 0; i--) {
        const k = s.key(i);
        if (k?.startsWith(ROOM_KEY) && k !== keyOf(room)) s.removeItem(k);
      }
    s.setItem(keyOf(room), JSON.stringify({ ...c, protocol: PROTOCOL_VERSION }));
  } catch {
    // quota or disabled storage: the screen still runs, only without a cache after reload
  }
}
