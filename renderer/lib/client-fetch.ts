import type { Snapshot } from '../../core/protocol/index.js';
import { ROUTES } from '../../core/protocol/wire.js';
import { skewSample, type SkewSample } from './skew.js';

/**
 * GET the host's snapshot (or its day cut: `route` is ROUTES.day with its query), with the skew
 * sample its round trip gives. Throws when it fails.
 */
export async function fetchLiveSnapshot(
  baseUrl: string,
  route: string = ROUTES.snapshot,
): Promise<{ snapshot: Snapshot; sample: SkewSample }> {
  const sent = Date.now();
  const res = await fetch(baseUrl + route, { cache: 'no-store' });
  const received = Date.now();
  if (!res.ok) throw new Error(`GET ${route}: HTTP ${res.status}`);
  const snapshot = liveSnapshot(await res.json(), route);
  return { snapshot, sample: skewSample(snapshot.clock.hostReal, sent, received) };
}

/**
 * A live snapshot from our own host, checked only for the fields the client reads. The full zod
 * parse stays for what comes from localStorage (cache.ts) and from other windows: the host is the
 * same build as this page, and parsing a 1 MB program with zod on every change costs more than the
 * change takes to arrive.
 */
function liveSnapshot(data: unknown, route: string): Snapshot {
  const s = data as Partial<Snapshot> | null;
  if (
    !s ||
    typeof s.revision !== 'number' ||
    typeof s.program !== 'object' ||
    !Array.isArray(s.overrides) ||
    typeof s.clock?.hostReal !== 'number' ||
    typeof s.clock.state !== 'object'
  )
    throw new Error(`GET ${route}: not a Hallway snapshot (revision, program, overrides or clock missing)`);
  return { ...s, problems: s.problems ?? [] } as Snapshot;
}

/** An instant as ISO (UTC) for a query, or undefined for none. */
export const isoOf = (ms: number | null): string | undefined =>
  ms === null ? undefined : new Date(ms).toISOString();

export function describe(e: unknown): string {
  if (e instanceof TypeError) return `host unreachable (${e.message})`;
  return e instanceof Error ? e.message : String(e);
}
