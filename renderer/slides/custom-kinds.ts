import type { CustomSlideType } from '../../core/settings/slides.js';
import type { CustomKind, CustomKindDef } from './kind.js';

/**
 * Custom slides show on room screens and the lobby alike, and only where staff made some: each
 * kind's file (its definition in `<script module>`, its component) is a chunk of its own, loaded
 * when the screen's loop first names a slide of its type (CustomKinds, custom-loader.svelte.ts),
 * so a screen without custom slides never loads them (the QR code's encoder loads after it).
 */
export interface LazyCustomKind {
  type: CustomSlideType;
  load: () => Promise<CustomKind>;
}

const lazy = (
  type: CustomSlideType,
  load: () => Promise<{ custom: CustomKindDef; default: CustomKind['component'] }>,
): LazyCustomKind => ({
  type,
  load: () => load().then((m) => ({ ...m.custom, component: m.default })),
});

export const CUSTOM_KINDS: readonly LazyCustomKind[] = [
  lazy('text', () => import('./custom/CustomText.svelte')),
  lazy('image', () => import('./custom/CustomImage.svelte')),
  lazy('qr', () => import('./custom/CustomQr.svelte')),
];
