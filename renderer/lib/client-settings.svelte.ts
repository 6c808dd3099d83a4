import { DEFAULT_SETTINGS } from '../../core/settings/defaults.js';
import type { Settings } from '../../core/settings/schema.js';
import { palette } from '../../core/settings/palette.js';
import { imagePath } from '../../core/settings/image-path.js';
import { useFont } from './fonts.js';

/**
 * The screens' settings this page shows, for every component of it (one page, one connection):
 * set by the page's App from its connection, read by the room cards, the lobby cells, the band.
 */
class ShownSettings {
  current = $state.raw<Settings>(DEFAULT_SETTINGS);
}
export const shownSettings = new ShownSettings();

/**
 * Puts the screens' settings on a page: the theme's colours as the CSS custom properties
 * screen.css reads, its light or dark colour scheme, its font, and the images it references
 * fetched ahead (immutable, so the browser's cache has them when the host is away). Called
 * whenever the snapshot's settings change (a `settings` journal entry): no reload.
 */
export function applySettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  shownSettings.current = settings;
  const { theme } = settings;
  for (const [name, value] of Object.entries(palette(theme))) root.style.setProperty(name, value);
  root.style.setProperty('color-scheme', theme.mode);
  root.dataset.theme = theme.mode;
  root.dataset.font = theme.font;
  useFont(theme.font, root);
  if (theme.logo) preload(imagePath(theme.logo));
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping only: nothing renders from it
const preloaded = new Set<string>();
function preload(url: string): void {
  if (preloaded.has(url) || typeof Image === 'undefined') return;
  preloaded.add(url);
  new Image().src = url;
}
