import type { Theme } from './theme.js';

// Zod-free, so the screens can theme themselves without the schema (DESIGN.md, "Screens carry no zod").

/** Today's look (the dark theme screen.css always had), and its light counterpart. */
export const PALETTES = {
  dark: { background: '#0b1017', text: '#f5f7fa', accent: '#ffb627' },
  light: { background: '#f7f5f0', text: '#10161f', accent: '#8a4b00' },
} as const;

export interface ThemeColours {
  background: string;
  text: string;
  accent: string;
}

/** The colours in force: staff's, else the mode's. */
export function themeColours(t: Theme): ThemeColours {
  const base = PALETTES[t.mode];
  return {
    background: t.background ?? base.background,
    text: t.text ?? base.text,
    accent: t.accent ?? base.accent,
  };
}
