import type { ImageRef } from './theme.js';

/** The image's same-origin URL on the host (served by electron/host/images.ts). Free of zod: screens load it. */
export const imagePath = (img: Pick<ImageRef, 'hash' | 'ext'>): string => `/images/${img.hash}.${img.ext}`;
