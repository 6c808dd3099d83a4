import { contrastRatio } from './contrast.js';
import { PALETTES, themeColours } from './theme-colours.js';
import type { Theme } from './theme.js';

/**
 * The screens' CSS custom properties (renderer/styles/screen.css names them) for a theme. Panels,
 * lines and the muted greys are the text mixed into the background, so any pair staff choose
 * gives a coherent screen; the modes' own colours give exactly the palettes designed for them.
 */
export type Palette = Record<
  | '--bg'
  | '--panel'
  | '--panel-2'
  | '--line'
  | '--text'
  | '--muted'
  | '--faint'
  | '--accent'
  | '--accent-ink',
  string
>;

/** The palette screen.css has always had: the dark mode's, kept to the digit. */
const DESIGNED: Record<Theme['mode'], Palette> = {
  dark: {
    '--bg': '#0b1017',
    '--panel': '#131b26',
    '--panel-2': '#1a2432',
    '--line': '#263245',
    '--text': '#f5f7fa',
    '--muted': '#a9b6c6',
    '--faint': '#6e7c8f',
    '--accent': '#ffb627',
    '--accent-ink': '#1a1200',
  },
  light: {
    '--bg': '#f7f5f0',
    '--panel': '#ebe7df',
    '--panel-2': '#e0dbd0',
    '--line': '#cbc4b6',
    '--text': '#10161f',
    '--muted': '#3d4653',
    '--faint': '#646c78',
    '--accent': '#8a4b00',
    '--accent-ink': '#ffffff',
  },
};

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** `a` moved `t` (0…1) of the way to `b`, in sRGB. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x
    .map((v, i) => Math.round(v + (y[i]! - v) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

export function palette(theme: Theme): Palette {
  const c = themeColours(theme);
  const base = PALETTES[theme.mode];
  const designed = DESIGNED[theme.mode];
  if (c.background === base.background && c.text === base.text && c.accent === base.accent) return designed;
  const { background: bg, text } = c;
  return {
    '--bg': bg,
    '--panel': mix(bg, text, 0.04),
    '--panel-2': mix(bg, text, 0.07),
    '--line': mix(bg, text, 0.13),
    '--text': text,
    '--muted': mix(bg, text, 0.7),
    '--faint': mix(bg, text, 0.45),
    '--accent': c.accent,
    // Text on the accent (flags, the "now" bar): whichever of near-black and white reads better.
    '--accent-ink':
      contrastRatio(c.accent, '#000000') >= contrastRatio(c.accent, '#ffffff') ? '#111111' : '#ffffff',
  };
}
