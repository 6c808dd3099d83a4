import { z } from 'zod';
import { Colour } from './colour.js';
import { FONTS } from './fonts.js';

/** An image of the host's store (`images/<sha256>.<ext>`): referenced by hash, never inline. */
export const ImageRef = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex (upload the image first)'),
  ext: z.enum(['png', 'jpg', 'webp', 'gif']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ImageRef = z.infer<typeof ImageRef>;

// screens need it without zod: it lives in a zod-free file beside this one
export { imagePath } from './image-path.js';
export { PALETTES, themeColours, type ThemeColours } from './theme-colours.js';
export { FONTS } from './fonts.js';

export const Font = z.enum(FONTS, { error: `must be one of ${FONTS.join(', ')}` });
export type Font = z.infer<typeof Font>;

/** Left out, a colour is the mode's own: `{ mode: 'light' }` alone is a whole light theme. */
export const Theme = z.strictObject({
  mode: z.enum(['dark', 'light'], { error: 'must be "dark" or "light"' }).default('dark'),
  background: Colour.optional(),
  text: Colour.optional(),
  accent: Colour.optional(),
  font: Font.default('system'),
  logo: ImageRef.nullable().default(null),
});
export type Theme = z.infer<typeof Theme>;
