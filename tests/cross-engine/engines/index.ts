import { firefox } from './firefox.js';
import { webkit } from './webkit.js';

/** The engines beside Chromium (which the Playwright suite drives): every hallway PC's browser. */
export const ENGINES = [firefox, webkit];
export type { Engine, EnginePage } from './types.js';
