import type { Snapshot } from '../../core/protocol/index.js';
import { PROTOCOL_VERSION } from '../../core/protocol/wire.js';

/** The last snapshot a screen saw, so it can start (and keep running) while the host is away. */
const KEY = 'hallway:snapshot';

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

export function loadCached(): Cached | null {
  const s = storage();
  const raw = s?.getItem(KEY);
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { snapshot?: Snapshot; skew?: unknown; protocol?: unknown };
    // The host validated it when it sent it; one kept by a build of another protocol may read wrong.
    if (data.protocol !== PROTOCOL_VERSION || typeof data.snapshot?.revision !== 'number') return null;
    return { snapshot: data.snapshot, skew: typeof data.skew === 'number' ? data.skew : 0 };
  } catch {
    return null;
  }
}

export function saveCached(c: Cached): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...c, protocol: PROTOCOL_VERSION }));
  } catch {
    // quota or disabled storage: the screen still runs, only without a cache after reload
  }
}
