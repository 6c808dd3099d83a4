import { Snapshot } from '../../core/protocol/index.js';

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
    const data = JSON.parse(raw) as { snapshot?: unknown; skew?: unknown };
    const parsed = Snapshot.safeParse(data.snapshot);
    if (!parsed.success) return null;
    return { snapshot: parsed.data, skew: typeof data.skew === 'number' ? data.skew : 0 };
  } catch {
    return null;
  }
}

export function saveCached(c: Cached): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(c));
  } catch {
    // quota or disabled storage: the screen still runs, only without a cache after reload
  }
}
