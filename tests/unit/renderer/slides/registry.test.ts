import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP } from '../../../../core/settings/loop.js';
import { CustomSlide } from '../../../../core/settings/slides.js';
import { CUSTOM_KINDS, LOBBY_KINDS, ROOM_KINDS } from '../../../../renderer/slides/registry.js';

const dir = resolve(import.meta.dirname, '../../../../renderer/slides');
// Each screen's kinds are listed in a file of their own: room/ in room-kinds.ts, lobby/ in lobby-kinds.ts.
const listOf = (sub: string) => readFileSync(resolve(dir, `${sub}-kinds.ts`), 'utf8');
const kindFiles = ['room', 'lobby', 'custom'].flatMap((sub) =>
  readdirSync(resolve(dir, sub))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => `${sub}/${f}`),
);

describe('the slide registry', () => {
  it.each(kindFiles)('%s is one kind: its definition and component in one file, registered once', (file) => {
    const source = readFileSync(resolve(dir, file), 'utf8');
    expect(source).toMatch(/<script module lang="ts">[\s\S]*export const (slide|custom)\b/);
    const registry = listOf(file.split('/')[0]!);
    if (file.startsWith('custom/')) {
      // loaded lazily: `lazy(type, () => import('./custom/X.svelte'))`, once
      expect(registry.match(new RegExp(`import\\('\\./${file.replace('.', '\\.')}'\\)`, 'g'))).toHaveLength(
        1,
      );
      return;
    }
    const imports = registry.match(new RegExp(`from '\\./${file.replace('.', '\\.')}'`, 'g')) ?? [];
    expect(imports).toHaveLength(1);
    const name = /^import (\w+), \{ slide as (\w+) \}/m.exec(
      registry.split('\n').find((l) => l.includes(`'./${file}'`))!,
    )!;
    // listed once: `kind(def, Component)`
    expect(registry.match(new RegExp(`\\(${name[2]}, ${name[1]}\\)`, 'g'))).toHaveLength(1);
  });

  it('loads each custom kind under the type its file defines', async () => {
    for (const k of CUSTOM_KINDS) {
      const loaded = await k.load();
      expect([loaded.type, typeof loaded.component]).toEqual([k.type, 'function']);
    }
  });

  it('keeps each screen to its own kinds: room and lobby import their list, never the index', () => {
    for (const [page, list] of [
      ['room/App.svelte', 'room-kinds'],
      ['lobby/App.svelte', 'lobby-kinds'],
    ] as const) {
      const source = readFileSync(resolve(dir, '..', page), 'utf8');
      expect(source).toContain(`from '../slides/${list}.js'`);
      expect(source).not.toMatch(/slides\/registry\.js/);
    }
    expect(readFileSync(resolve(dir, 'screen-loop.svelte.ts'), 'utf8')).not.toMatch(/registry\.js/);
    for (const sub of ['room', 'lobby', 'custom']) {
      const others = ['room', 'lobby', 'custom'].filter((o) => o !== sub);
      for (const o of others) expect(listOf(sub)).not.toContain(`'./${o}/`);
    }
  });

  it('gives each kind of a screen its own name', () => {
    for (const kinds of [ROOM_KINDS, LOBBY_KINDS])
      expect(new Set(kinds.map((k) => k.kind)).size).toBe(kinds.length);
    expect(new Set(CUSTOM_KINDS.map((k) => k.type)).size).toBe(CUSTOM_KINDS.length);
  });

  it('knows every kind the default loops name', () => {
    expect(
      DEFAULT_ROOM_LOOP.map((e) => e.slide).filter((s) => !ROOM_KINDS.some((k) => k.kind === s)),
    ).toEqual([]);
    expect(
      DEFAULT_LOBBY_LOOP.map((e) => e.slide).filter((s) => !LOBBY_KINDS.some((k) => k.kind === s)),
    ).toEqual([]);
  });

  it('has a kind for every custom slide type the settings allow', () => {
    const types = CustomSlide.options.map((o) => o.shape.type.value);
    expect(CUSTOM_KINDS.map((k) => k.type).sort()).toEqual([...types].sort());
  });
});
