import { z } from 'zod';
import { ImageRef } from '../settings/theme.js';

/**
 * The host's image store (logo, sponsor logos, maps): POST ROUTES.images with the file as the
 * body (token) answers where it is kept; settings and slides reference it by hash. Served
 * same-origin at `/images/<sha256>.<ext>` (imagePath), never changing, cached for good.
 */
export const IMAGE_LIMITS = {
  /** Bytes of one upload. */
  maxBytes: 5 * 1024 * 1024,
  /** Pixels on the longer side: more than a 4K screen shows, and a decoded 8K image is 256 MB. */
  maxSide: 4096,
} as const;

export const ImageStored = ImageRef.extend({ bytes: z.number().int().positive() });
export type ImageStored = z.infer<typeof ImageStored>;
