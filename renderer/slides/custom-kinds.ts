import type { CustomKind, CustomKindDef } from './kind.js';
import CustomImage, { custom as image } from './custom/CustomImage.svelte';
import CustomQr, { custom as qr } from './custom/CustomQr.svelte';
import CustomText, { custom as text } from './custom/CustomText.svelte';

const customKind = (def: CustomKindDef, component: CustomKind['component']): CustomKind => ({
  ...def,
  component,
});

/** Custom slides show on room screens and the lobby alike. */
export const CUSTOM_KINDS: readonly CustomKind[] = [
  customKind(text, CustomText),
  customKind(image, CustomImage),
  customKind(qr, CustomQr),
];
