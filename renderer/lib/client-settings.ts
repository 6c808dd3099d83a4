import type { Settings } from '../../core/settings/schema.js';
import { palette } from '../../core/settings/palette.js';

/**
 * Puts the screens' settings on a page: the theme's colours as the CSS custom properties
 * screen.css reads, its light or dark colour scheme, its font. Called whenever the snapshot's
 * settings change (a `settings` journal entry on the stream): the page restyles, no reload.
 */
export function applyTheme(settings: Settings, root: HTMLElement = document.documentElement): void {
  const { theme } = settings;
  for (const [name, value] of Object.entries(palette(theme))) root.style.setProperty(name, value);
  root.style.setProperty('color-scheme', theme.mode);
  root.dataset.theme = theme.mode;
  root.dataset.font = theme.font;
}
