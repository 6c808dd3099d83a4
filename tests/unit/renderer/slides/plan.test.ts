import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import { lobby } from '../../../../core/schedule/lobby.js';
import { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP, type LoopEntry } from '../../../../core/settings/loop.js';
import { CustomSlide } from '../../../../core/settings/slides.js';
import { de } from '../../../../renderer/lib/i18n/de.js';
import { en } from '../../../../renderer/lib/i18n/en.js';
import { pageRanges } from '../../../../renderer/lobby/layout.js';
import { roomView } from '../../../../renderer/room/view.js';
import type { LobbyCtx, RoomCtx } from '../../../../renderer/slides/kind.js';
import { planLoop } from '../../../../renderer/slides/plan.js';
import { CUSTOM_KINDS, LOBBY_KINDS, ROOM_KINDS } from '../../../../renderer/slides/registry.js';

const opml = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const at = (iso: string) => Date.parse(iso);
// custom kinds load lazily on the screens (custom-kinds.ts); planned here as a screen has them once in
const customKinds = await Promise.all(CUSTOM_KINDS.map((k) => k.load()));
const roomCtx = (iso: string, room = 'stevens-creek'): RoomCtx => ({
  program: opml,
  at: at(iso),
  room,
  location: null,
  view: roomView(opml, room, at(iso)),
});
const applying = <C extends RoomCtx | LobbyCtx>(plan: { kind: string; when: (c: C) => boolean }[], c: C) =>
  plan.filter((d) => d.when(c)).map((d) => d.kind);

const wifi = CustomSlide.parse({
  type: 'text',
  id: 'wifi',
  heading: 'Wi-Fi',
  lines: ['Network: OpML · Password: usenix2019'],
});
const lunchQr = CustomSlide.parse({
  type: 'qr',
  id: 'lunch',
  heading: 'Lunch survey',
  url: 'https://example.org/lunch',
  schedule: { from: '12:00', until: '13:30', rooms: ['stevens-creek', 'winchester'] },
});

describe('the room loop', () => {
  const plan = planLoop(DEFAULT_ROOM_LOOP, ROOM_KINDS, customKinds, []);

  it.each([
    { at: '2019-05-20T11:00:00-07:00', want: ['now', 'next', 'later', 'elsewhere', 'sponsors'] },
    { at: '2019-05-20T16:30:00-07:00', want: ['now', 'elsewhere'] },
    { at: '2019-05-20T21:00:00-07:00', want: ['now'] },
  ])('the default loop in stevens-creek at $at shows $want', ({ at: iso, want }) => {
    expect(applying(plan, roomCtx(iso))).toEqual(want);
  });

  it('takes each slide for the seconds the loop gives it', () => {
    expect(plan.map((d) => [d.kind, d.duration])).toEqual(
      DEFAULT_ROOM_LOOP.map((e) => [e.slide, e.seconds * 1000]),
    );
  });

  const loop: LoopEntry[] = [
    { slide: 'now', seconds: 15 },
    { slide: 'custom:lunch', seconds: 10 },
    { slide: 'custom:wifi', seconds: 8 },
  ];
  it.each([
    { room: 'stevens-creek', at: '2019-05-20T11:59:00-07:00', want: ['now', 'custom:wifi'] },
    { room: 'stevens-creek', at: '2019-05-20T12:00:00-07:00', want: ['now', 'custom:lunch', 'custom:wifi'] },
    { room: 'stevens-creek', at: '2019-05-20T20:29:00Z', want: ['now', 'custom:lunch', 'custom:wifi'] },
    { room: 'stevens-creek', at: '2019-05-20T13:30:00-07:00', want: ['now', 'custom:wifi'] },
    { room: 'magnolia', at: '2019-05-20T12:30:00-07:00', want: ['now', 'custom:wifi'] },
  ])('custom slides follow their schedule: $room at $at shows $want', ({ room, at: iso, want }) => {
    const custom = planLoop(loop, ROOM_KINDS, customKinds, [wifi, lunchQr]);
    expect(applying(custom, roomCtx(iso, room))).toEqual(want);
  });

  it('leaves out kinds it does not know and custom slides that are gone', () => {
    const odd: LoopEntry[] = [
      { slide: 'now', seconds: 10 },
      { slide: 'hologram', seconds: 10 },
      { slide: 'custom:deleted', seconds: 10 },
      { slide: 'grid', seconds: 10 },
    ];
    expect(planLoop(odd, ROOM_KINDS, customKinds, [wifi]).map((d) => d.kind)).toEqual(['now']);
  });
});

describe('the lobby loop', () => {
  const ctx = (columns: number, rows: number, iso = '2019-05-20T11:00:00-07:00'): LobbyCtx => {
    const day = lobby(opml, at(iso));
    return {
      program: opml,
      at: at(iso),
      room: null,
      location: null,
      day,
      rooms: day.rooms,
      hours: 4,
      gridPages: pageRanges(day.rooms.length, columns),
      nowPages: pageRanges(opml.rooms.length, rows),
    };
  };
  const plan = planLoop(
    [...DEFAULT_LOBBY_LOOP, { slide: 'custom:wifi', seconds: 9 }],
    LOBBY_KINDS,
    customKinds,
    [wifi],
  );

  it.each([
    { columns: 8, rows: 8, want: ['grid:0', 'now:0', 'custom:wifi'] },
    { columns: 2, rows: 3, want: ['grid:0', 'grid:1', 'grid:2', 'now:0', 'now:1', 'custom:wifi'] },
  ])('pages the grid and now & next ($columns columns, $rows rows)', ({ columns, rows, want }) => {
    expect(applying(plan, ctx(columns, rows))).toEqual(want);
  });

  it('says which page is on, and what it is', () => {
    const c = ctx(2, 3);
    const grid1 = plan.find((d) => d.kind === 'grid:1')!;
    expect([grid1.name(en), grid1.label(c, en)]).toEqual(['Today', 'Rooms 3–4 of 5']);
    expect(plan.find((d) => d.kind === 'now:0')!.name(de)).toBe(de.lobby.nowAndNext);
  });
});
