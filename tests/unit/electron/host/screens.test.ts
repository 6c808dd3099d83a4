import { describe, expect, it } from 'vitest';
import { HEARTBEAT_INTERVAL_MS } from '../../../../core/protocol/index.js';
import { ScreenRegistry } from '../../../../electron/host/screens.js';

const beat = (screen: string) => ({ screen, page: 'lobby' as const, revision: 0 });

describe('ScreenRegistry bounds', () => {
  it('takes at most its screens per address, and updates a known one past the bound', () => {
    const r = new ScreenRegistry(() => 0, 10, 2);
    expect(r.beat(beat('a'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('b'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('c'), '192.0.2.1')).toEqual({ reason: 'address-full', limit: 2 });
    expect(r.beat(beat('a'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('c'), '192.0.2.2')).toBeNull();
    expect(r.list().map((s) => s.screen)).toEqual(['a', 'b', 'c']);
  });

  it('when full, makes room only by dropping a stale screen, never one that beats', () => {
    let now = 0;
    const r = new ScreenRegistry(() => now, 2, 10);
    r.beat(beat('old'), '192.0.2.1');
    r.beat(beat('live'), '192.0.2.1');
    expect(r.beat(beat('new'), '192.0.2.3')).toEqual({ reason: 'list-full', limit: 2 });
    now += 2 * HEARTBEAT_INTERVAL_MS + 1;
    r.beat(beat('live'), '192.0.2.1');
    expect(r.beat(beat('new'), '192.0.2.3')).toBeNull();
    expect(r.list().map((s) => s.screen)).toEqual(['live', 'new']);
    // The dropped screen's address counts one screen less.
    expect(r.beat(beat('again'), '192.0.2.1')).toEqual({ reason: 'list-full', limit: 2 });
  });

  it('an address at its bound makes room by dropping its own stale screen; loopback is unbounded', () => {
    let now = 0;
    const r = new ScreenRegistry(
      () => now,
      10,
      2,
      (a) => a === '127.0.0.1',
    );
    r.beat(beat('a'), '192.0.2.1');
    r.beat(beat('b'), '192.0.2.1');
    now += 2 * HEARTBEAT_INTERVAL_MS + 1;
    r.beat(beat('b'), '192.0.2.1');
    expect(r.beat(beat('c'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('d'), '192.0.2.1')).toEqual({ reason: 'address-full', limit: 2 });
    expect(r.list().map((s) => s.screen)).toEqual(['b', 'c']);
    for (const s of ['l1', 'l2', 'l3', 'l4']) expect(r.beat(beat(s), '127.0.0.1')).toBeNull();
  });
});
