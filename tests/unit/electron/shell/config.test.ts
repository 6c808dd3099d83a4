import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pathText } from '../../../../core/program/parse.js';
import { defaultConfig, parseDisplaysConfig } from '../../../../electron/shell/config.js';

const ROOMS = [
  'santa-clara-ballroom',
  'winchester',
  'stevens-creek',
  'lawrence-san-tomas-lafayette',
  'magnolia',
];

describe('parseDisplaysConfig', () => {
  it('accepts the OpML 19 sample in data/', async () => {
    const json: unknown = JSON.parse(
      await readFile(new URL('../../../../data/displays.opml19.json', import.meta.url), 'utf8'),
    );
    const result = parseDisplaysConfig(json, ROOMS);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const rooms = result.config.windows.flatMap((w) => (w.room ? [w.room] : []));
    expect(rooms).toEqual(ROOMS);
    expect(result.config.windows.filter((w) => w.page === 'admin')).toHaveLength(1);
  });

  it('accepts the default config', () => {
    expect(parseDisplaysConfig(defaultConfig(ROOMS), ROOMS)).toMatchObject({ ok: true });
  });

  it('reports every error of an invalid config, each naming its entry', () => {
    const result = parseDisplaysConfig(
      {
        windows: [
          { page: 'admin' },
          { page: 'lobby', room: 'winchester' },
          { page: 'room', room: 'x' },
          { page: 'room' },
          { page: 'admin', display: 1 },
        ],
      },
      ROOMS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'windows[1].room: only room windows take a room; remove it or set "page": "room"',
      `windows[2].room: unknown room "x" (rooms: ${ROOMS.join(', ')})`,
      `windows[3].room: a room window needs a room (rooms: ${ROOMS.join(', ')})`,
      'windows[4].page: only one admin window (windows[0] is one)',
    ]);
  });

  it('reports shape errors with their paths', () => {
    const result = parseDisplaysConfig(
      {
        windows: [
          { page: 'hall' },
          { page: 'lobby', display: -1 },
          { page: 'lobby', display: { name: 'left' } },
          { page: 'lobby', kisok: true },
        ],
      },
      ROOMS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.errors.map((e) => e.slice(0, e.indexOf(':')));
    expect(where).toEqual(
      expect.arrayContaining(['windows[0].page', 'windows[1].display', 'windows[2].display', 'windows[3]']),
    );
    expect(result.errors.every((e) => /^windows\[\d\]/.test(e))).toBe(true);
    expect(result.errors.find((e) => e.startsWith('windows[3]'))).toMatch(/kisok/);
  });

  it.each([
    [null, '(top level)'],
    [{}, 'windows'],
    [{ windows: [] }, 'windows'],
  ])('a config that is not one: %j names %s', (json, where) => {
    const result = parseDisplaysConfig(json, ROOMS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.startsWith(`${where}:`)).toBe(true);
  });
});

describe('pathText (core), as the config errors use it', () => {
  it.each([
    [['windows', 2, 'room'], 'windows[2].room'],
    [['windows'], 'windows'],
    [[], '(top level)'],
  ])('%j → %s', (path, out) => expect(pathText(path)).toBe(out));
});
