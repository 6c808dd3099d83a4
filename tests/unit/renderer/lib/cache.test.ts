import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../../core/protocol/index.js';
import { dayCut } from '../../../../core/schedule/day.js';
import { loadCached, saveCached } from '../../../../renderer/lib/cache.js';
import { opml19, t } from '../../core/fixtures.js';

/** localStorage as the browser has it, in memory. */
class MemoryStorage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  key = (i: number) => [...this.#m.keys()][i] ?? null;
  getItem = (k: string) => this.#m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.#m.set(k, v);
  removeItem = (k: string) => void this.#m.delete(k);
}

const AT = t('2019-05-20T07:30:00-07:00');
const p = opml19();
const clock = { state: { mode: 'real' as const }, hostReal: 1, now: '2019-05-20T07:30:00-07:00' };
const full: Snapshot = {
  revision: 3,
  program: p,
  overrides: [],
  clock,
  rooms: p.rooms,
  problems: [],
  journal: 'j',
};
const roomPayload = (room: string): Snapshot => {
  const cut = dayCut(p, AT, room);
  return { ...full, program: cut.program, partial: cut.window };
};

describe('cache', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a room payload under its room, beside the lobby’s full snapshot', () => {
    saveCached({ snapshot: full, skew: 5 });
    saveCached({ snapshot: roomPayload('winchester'), skew: 7 });
    expect(loadCached()?.snapshot.partial).toBeUndefined();
    expect(loadCached('winchester')?.snapshot.partial?.room).toBe('winchester');
    expect(loadCached('winchester')?.skew).toBe(7);
    expect(loadCached('magnolia')).toBeNull();
  });

  it('holds what the room needs until noon the next day (a day offline)', () => {
    saveCached({ snapshot: roomPayload('winchester'), skew: 0 });
    const got = loadCached('winchester')!.snapshot;
    expect(got.partial?.until).toBe('2019-05-21T12:00:00-07:00');
    expect(got.program.sessions.map((s) => s.id)).toEqual(p.sessions.map((s) => s.id));
  });

  it('never keeps a lobby’s day cut; a reassigned screen drops the old room’s payload', () => {
    const day = dayCut(p, AT);
    saveCached({ snapshot: { ...full, program: day.program, partial: day.window }, skew: 0 });
    expect(loadCached()).toBeNull();
    saveCached({ snapshot: roomPayload('winchester'), skew: 0 });
    saveCached({ snapshot: roomPayload('magnolia'), skew: 0 });
    expect(loadCached('winchester')).toBeNull();
    expect(loadCached('magnolia')).not.toBeNull();
  });
});
