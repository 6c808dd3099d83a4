import type {
  CustomKind,
  CustomKindDef,
  LobbyCtx,
  RoomCtx,
  ScreenCtx,
  SlideKind,
  SlideKindDef,
} from './kind.js';
import Announcements, { slide as announcements } from './room/Announcements.svelte';
import Elsewhere, { slide as elsewhere } from './room/Elsewhere.svelte';
import Later, { slide as later } from './room/Later.svelte';
import Next, { slide as next } from './room/Next.svelte';
import Now, { slide as now } from './room/Now.svelte';
import Sponsors, { slide as sponsors } from './room/Sponsors.svelte';
import GridPages, { slide as grid } from './lobby/GridPages.svelte';
import NowNextPages, { slide as nowNext } from './lobby/NowNextPages.svelte';
import CustomImage, { custom as image } from './custom/CustomImage.svelte';
import CustomQr, { custom as qr } from './custom/CustomQr.svelte';
import CustomText, { custom as text } from './custom/CustomText.svelte';

/**
 * Every slide kind, registered once: a new kind is one file in room/, lobby/ or custom/ and
 * one line here. A loop (core/settings/loop.ts) names kinds by `kind`, custom slides by type.
 */

const kind = <C extends ScreenCtx>(
  def: SlideKindDef<C>,
  component: SlideKind<C>['component'],
): SlideKind<C> => ({
  ...def,
  component,
});
const customKind = (def: CustomKindDef, component: CustomKind['component']): CustomKind => ({
  ...def,
  component,
});

export const ROOM_KINDS: readonly SlideKind<RoomCtx>[] = [
  kind(now, Now),
  kind(next, Next),
  kind(later, Later),
  kind(elsewhere, Elsewhere),
  kind(announcements, Announcements),
  kind(sponsors, Sponsors),
];

export const LOBBY_KINDS: readonly SlideKind<LobbyCtx>[] = [
  kind(grid, GridPages),
  kind(nowNext, NowNextPages),
];

/** Custom slides show on room screens and the lobby alike. */
export const CUSTOM_KINDS: readonly CustomKind[] = [
  customKind(text, CustomText),
  customKind(image, CustomImage),
  customKind(qr, CustomQr),
];
