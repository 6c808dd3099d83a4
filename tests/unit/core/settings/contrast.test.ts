import { describe, expect, it } from 'vitest';
import {
  AAA_BODY_TEXT,
  contrastRatio,
  contrastWarning,
  luminance,
} from '../../../../core/settings/contrast.js';

describe('contrastRatio', () => {
  it.each<[string, string, number]>([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#777777', '#777777', 1],
    // WCAG's own examples: #767676 on white is the lightest grey passing AA (4.54:1).
    ['#767676', '#ffffff', 4.54],
    // Today's screen: text on background, the accent on it.
    ['#f5f7fa', '#0b1017', 17.8],
    ['#ffb627', '#0b1017', 10.9],
    ['#595959', '#ffffff', 7.0],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it('reads luminance from 0 to 1', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#FFFFFF')).toBe(1);
  });

  it('names a colour it cannot read', () => {
    expect(() => luminance('red')).toThrow('"red" is not a colour like #0b1017');
  });
});

describe('contrastWarning (AAA for body text)', () => {
  it.each<[string, string, boolean]>([
    ['#f5f7fa', '#0b1017', false],
    ['#595959', '#ffffff', false],
    ['#5a5a5a', '#ffffff', true],
    ['#767676', '#ffffff', true],
    ['#ffb627', '#ffffff', true],
  ])('%s on %s warns: %s', (text, bg, warns) => {
    const w = contrastWarning(text, bg);
    expect(w !== null).toBe(warns);
    if (w)
      expect(w).toMatch(
        new RegExp(`theme.text ${text} on ${bg} has a contrast of .*below the ${AAA_BODY_TEXT}:1`),
      );
  });
});
