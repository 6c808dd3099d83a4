import { z } from 'zod';
import { Settings } from '../settings/schema.js';

/**
 * The screens' settings on the wire. GET ROUTES.settings answers the document in force (no token:
 * every screen gets it in its snapshot anyway) and the warnings staff should see; PUT replaces
 * it whole (token), journalled as a `settings` entry that every screen applies live.
 */
export const SettingsInfo = z.object({
  /** The revision of the `settings` entry in force (0: never set, the defaults). */
  revision: z.number().int().min(0),
  settings: Settings,
  /** What reads badly but is allowed (body text below 7:1 contrast), one sentence each. */
  warnings: z.array(z.string()),
});
export type SettingsInfo = z.infer<typeof SettingsInfo>;

export { settingsOf } from '../settings/defaults.js';

export { Settings };
