import { ROUTES, Snapshot } from '../../core/protocol/index.js';

export interface Connected {
  /** The host the windows load their pages from: the first of --connect that answered. */
  origin: string;
  rooms: string[];
  /** Every host the screens may move to: --connect's, then those the snapshot lists (a cluster's). */
  hosts: string[];
}

/** GETs a host's snapshot (main.ts: fetch); rejects when the host does not answer. */
export type FetchSnapshot = (origin: string) => Promise<unknown>;

export const fetchSnapshot: FetchSnapshot = async (origin) => {
  const res = await fetch(origin + ROUTES.snapshot);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};

/**
 * The first of the `--connect` hosts that answers with a Hallway snapshot, in the order given.
 * Throws naming every host and why it was passed over when none does.
 */
export async function connectTo(origins: readonly string[], get: FetchSnapshot): Promise<Connected> {
  const why: string[] = [];
  for (const origin of origins) {
    let body: unknown;
    try {
      body = await get(origin);
    } catch (e) {
      why.push(`${origin} does not answer (${(e as Error).message})`);
      continue;
    }
    const snapshot = Snapshot.safeParse(body);
    if (!snapshot.success) {
      why.push(`${origin} is not a Hallway host (its snapshot does not parse)`);
      continue;
    }
    const hosts = [...new Set([origin, ...origins, ...(snapshot.data.hosts ?? [])].map(originOf))];
    return { origin, rooms: snapshot.data.rooms.map((r) => r.id), hosts };
  }
  throw new Error(`--connect: no host answers: ${why.join('; ')}; is hallway running there with --lan?`);
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};
