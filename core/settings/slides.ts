import { z } from 'zod';
import { Id } from '../program/schema.js';
import { SlideSchedule } from '../slides/schedule.js';
import { ImageRef } from './theme.js';

/**
 * Custom slides staff make: text (Wi-Fi, code of conduct, emergency numbers), images (sponsor
 * logos by tier, a venue map) and QR codes (livestream, feedback form). Each shows where a loop
 * names it (`custom:<id>`), when its schedule applies. Their text is untrusted: screens render it
 * as text. Images are the host's store's, by hash.
 */

const line = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const Common = {
  id: Id,
  /** The slide's heading ("Wi-Fi", "Our sponsors"). */
  heading: line(120),
  schedule: SlideSchedule.optional(),
};

export const TextSlide = z.strictObject({
  ...Common,
  type: z.literal('text'),
  /** One large line each ("Network: 35C3 · Password: none"). */
  lines: z.array(line(500)).min(1, 'must have at least one line').max(12, 'must have at most 12 lines'),
});

export const Logo = z.strictObject({ image: ImageRef, name: line(120) });

export const ImageSlide = z.strictObject({
  ...Common,
  type: z.literal('image'),
  /** `logos`: tiers of logos, the first tier largest; `map`: one image as large as the screen allows. */
  layout: z.enum(['logos', 'map'], { error: 'must be "logos" or "map"' }).default('logos'),
  tiers: z
    .array(
      z.strictObject({
        /** "Gold", "Silver"; left out: no tier label. */
        name: line(60).optional(),
        logos: z.array(Logo).min(1, 'must have at least one image').max(40, 'must have at most 40 images'),
      }),
    )
    .min(1, 'must have at least one tier of images')
    .max(6, 'must have at most 6 tiers'),
});

export const QrSlide = z.strictObject({
  ...Common,
  type: z.literal('qr'),
  url: z
    .string()
    .trim()
    .max(2_000, 'must be at most 2000 characters')
    .regex(/^https?:\/\/\S+$/i, 'must be an http:// or https:// URL (a phone should land on a page)'),
  /** What the code is for ("Watch the stream", "Tell us how it went"). */
  caption: line(300).optional(),
});

export const CustomSlide = z.discriminatedUnion('type', [TextSlide, ImageSlide, QrSlide], {
  error: 'must have "type" "text", "image" or "qr"',
});
export type CustomSlide = z.infer<typeof CustomSlide>;
export type CustomSlideType = CustomSlide['type'];

export const CustomSlides = z
  .array(CustomSlide)
  .max(60, 'must have at most 60 slides')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is the id of two slides` });
      seen.add(s.id);
    });
  });
