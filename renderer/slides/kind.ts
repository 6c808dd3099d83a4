import type { Component } from 'svelte';
import type { Program, Room } from '../../core/program/schema.js';
import type { LobbyGrid } from '../../core/schedule/types.js';
import type { CustomSlide, CustomSlideType } from '../../core/settings/slides.js';
import type { Messages } from '../lib/i18n/index.svelte.js';
import type { PageRange } from '../lobby/layout.js';
import type { RoomView } from '../room/view.js';

/**
 * A slide kind is one .svelte file: its component, and in its `<script module>` its definition
 * (`kind`, `when`, for a paged kind `pages`). room-kinds.ts, lobby-kinds.ts and custom-kinds.ts list
 * every kind once (custom kinds as chunks loaded on demand); registry.ts is their index.
 */

/** What every slide is asked about: the program, the instant (a minute), the room on screen (null: the lobby). */
export interface ScreenCtx {
  program: Program;
  at: number;
  room: string | null;
  /**
   * Where the screen stands, a name of the settings' `locations` (the registry's assignment,
   * else `?location=`; null: nowhere said): its "how to get there" wins over the rooms' own.
   */
  location: string | null;
}

export interface RoomCtx extends ScreenCtx {
  room: string;
  view: RoomView;
}

export interface LobbyCtx extends ScreenCtx {
  room: null;
  /** The day's grid (`lobby(program, at)`) and the part of it the board's window shows. */
  day: LobbyGrid;
  /** Pages of the day's rooms (grid columns) and of every room (now & next rows). */
  gridPages: PageRange[];
  nowPages: PageRange[];
  /** Hours the grid shows at once. */
  hours: number;
  rooms: Room[];
}

/** The `<script module>` half of a built-in kind. */
export interface SlideKindDef<C extends ScreenCtx> {
  kind: string;
  /** Whether it has something to show now: the loop skips it otherwise. */
  when: (ctx: C) => boolean;
  /** A paged kind shows once per page (the lobby's grid), each for the loop's seconds. */
  pages?: (ctx: C) => number;
  /** The footer's words for it ("Today", "Now & next"), in the screen's language. */
  name?: (m: Messages) => string;
  /** Which page is on, for the footer ("Rooms 1–8 of 75"; null: there is one page). */
  label?: (ctx: C, page: number, m: Messages) => string | null;
}

export interface SlideProps<C extends ScreenCtx> {
  ctx: C;
  page: number;
  /** The custom slide a custom kind shows (null for built-in kinds). */
  slide: CustomSlide | null;
}

export interface SlideKind<C extends ScreenCtx> extends SlideKindDef<C> {
  component: Component<SlideProps<C>>;
}

/** The `<script module>` half of a custom slide kind: staff make its slides in the settings. */
export interface CustomKindDef {
  type: CustomSlideType;
  /** Beyond its schedule: whether the slide has something to show. */
  when?: (ctx: ScreenCtx, slide: CustomSlide) => boolean;
}

export interface CustomKind extends CustomKindDef {
  component: Component<SlideProps<ScreenCtx>>;
}

/** A built-in kind from its file's two halves (room-kinds.ts and lobby-kinds.ts list them). */
export const kind = <C extends ScreenCtx>(
  def: SlideKindDef<C>,
  component: SlideKind<C>['component'],
): SlideKind<C> => ({
  ...def,
  component,
});
