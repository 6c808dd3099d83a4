/**
 * WCAG 2.x contrast between two sRGB colours written `#rrggbb`. Body text on a signage screen is
 * read from metres away: AAA asks 7:1 (https://www.w3.org/TR/WCAG21/#contrast-enhanced).
 */
export const AAA_BODY_TEXT = 7;

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of `#rrggbb` (0 black … 1 white). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`"${hex}" is not a colour like #0b1017`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x!, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio, 1 (none) to 21 (black on white), whichever colour is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A warning for staff when `text` on `background` is below AAA for body text; null when it reads. */
export function contrastWarning(text: string, background: string, field = 'theme.text'): string | null {
  const ratio = contrastRatio(text, background);
  if (ratio >= AAA_BODY_TEXT) return null;
  return `${field} ${text} on ${background} has a contrast of ${ratio.toFixed(1)}:1, below the ${AAA_BODY_TEXT}:1 body text needs to read from five metres (WCAG AAA): make one lighter or darker`;
}
