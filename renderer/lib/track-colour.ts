import type { Session } from '../../core/program/schema.js';
import type { Settings } from '../../core/settings/schema.js';

/** The colour staff gave the session's track in the settings (null: none, the screen's own look). */
export function trackColour(settings: Settings, s: Pick<Session, 'track'>): string | null {
  return s.track ? (settings.tracks[s.track] ?? null) : null;
}
