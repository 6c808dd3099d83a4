import type { Snapshot } from '../../core/protocol/index.js';

/** `window.postMessage` payload an admin page sends to its preview frames. */
export const PREVIEW_MESSAGE = 'hallway:snapshot';
export interface PreviewMessage {
  type: typeof PREVIEW_MESSAGE;
  snapshot: Snapshot;
  skew: number;
}

/** Feeds a preview frame (same origin) the admin's snapshot, so it needs no stream of its own. */
export function postSnapshot(target: Window, snapshot: Snapshot, skew = 0): void {
  const msg: PreviewMessage = { type: PREVIEW_MESSAGE, snapshot: $state.snapshot(snapshot), skew };
  target.postMessage(msg, location.origin);
}

/**
 * What a preview frame takes from a message, or null when it is not our parent's snapshot:
 * any other window could post to the frame.
 */
export function readPreview(e: MessageEvent): { snapshot: Snapshot; skew: number | null } | null {
  if (e.origin !== location.origin || e.source !== window.parent) return null;
  const data = e.data as Partial<PreviewMessage> | null;
  if (!data || data.type !== PREVIEW_MESSAGE) return null;
  // Our own admin page's snapshot (same origin, our parent), from the same host and build.
  if (typeof data.snapshot?.revision !== 'number') return null;
  return { snapshot: data.snapshot, skew: typeof data.skew === 'number' ? data.skew : null };
}
