import { describe, expect, it } from 'vitest';
import {
  type Heartbeat,
  IDENTIFY_MS,
  REFUSED_SHOWN_MS,
  SCREEN_BEHIND_MS,
  SCREEN_SILENT_MS,
  type ScreenDirective,
} from '../../../../core/protocol/index.js';
import { ScreenRegistry } from '../../../../electron/host/screens.js';
import { memoryRegistryStore } from '../../../../electron/host/screens-store.js';
import { staffJournal } from './staff-journal.js';

/** The registry following a journal of its own: staff's writes go through it, as at the host. */
function following(r: ScreenRegistry, journal = staffJournal()) {
  r.follow(journal);
  return journal;
}

const beat = (screen: string, more: Partial<Heartbeat> = {}): Heartbeat => ({
  screen,
  page: 'lobby',
  revision: 0,
  ...more,
});
const SECRET = 'a-secret-of-the-screen-itself';

describe('ScreenRegistry bounds', () => {
  it('takes at most its screens per address, and updates a known one past the bound', () => {
    const r = new ScreenRegistry({ realNow: () => 0, maxScreens: 10, maxPerAddress: 2 });
    expect(r.beat(beat('a'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('b'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('c'), '192.0.2.1')).toEqual({ reason: 'address-full', limit: 2 });
    expect(r.beat(beat('a'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('c'), '192.0.2.2')).toBeNull();
    expect(r.list(0).map((s) => s.screen)).toEqual(['a', 'b', 'c']);
  });

  it('when full, makes room only by dropping a silent screen, never one that beats', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now, maxScreens: 2, maxPerAddress: 10 });
    r.beat(beat('old'), '192.0.2.1');
    r.beat(beat('live'), '192.0.2.1');
    expect(r.beat(beat('new'), '192.0.2.3')).toEqual({ reason: 'list-full', limit: 2 });
    now += SCREEN_SILENT_MS + 1;
    r.beat(beat('live'), '192.0.2.1');
    expect(r.beat(beat('new'), '192.0.2.3')).toBeNull();
    expect(r.list(0).map((s) => s.screen)).toEqual(['live', 'new']);
    // The dropped screen's address counts one screen less.
    expect(r.beat(beat('again'), '192.0.2.1')).toEqual({ reason: 'list-full', limit: 2 });
  });

  it('never drops a silent screen staff manage (assigned or grouped) to make room', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now, maxScreens: 2 });
    r.beat(beat('door'));
    r.beat(beat('spare'));
    following(r).write({
      action: 'assign',
      screens: ['door'],
      assignment: { page: 'room', room: 'winchester' },
    });
    now += SCREEN_SILENT_MS + 1;
    expect(r.beat(beat('new'))).toBeNull();
    expect(r.list(0).map((s) => s.screen)).toEqual(['door', 'new']);
    now += SCREEN_SILENT_MS + 1;
    r.beat(beat('new'));
    expect(r.beat(beat('third'))).toEqual({ reason: 'list-full', limit: 2 });
  });

  it('an address at its bound makes room by dropping its own silent screen; loopback is unbounded', () => {
    let now = 0;
    const r = new ScreenRegistry({
      realNow: () => now,
      maxScreens: 10,
      maxPerAddress: 2,
      unbounded: (a) => a === '127.0.0.1',
    });
    r.beat(beat('a'), '192.0.2.1');
    r.beat(beat('b'), '192.0.2.1');
    now += SCREEN_SILENT_MS + 1;
    r.beat(beat('b'), '192.0.2.1');
    expect(r.beat(beat('c'), '192.0.2.1')).toBeNull();
    expect(r.beat(beat('d'), '192.0.2.1')).toEqual({ reason: 'address-full', limit: 2 });
    expect(r.list(0).map((s) => s.screen)).toEqual(['b', 'c']);
    for (const s of ['l1', 'l2', 'l3', 'l4']) expect(r.beat(beat(s), '127.0.0.1')).toBeNull();
  });
});

describe('ScreenRegistry info: the cap, how full, whom it refused', () => {
  it('names the refused screens, newest first, until they are taken or stop trying', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now, maxScreens: 2, maxPerAddress: 10 });
    r.beat(beat('a'), '192.0.2.1');
    r.beat(beat('b'), '192.0.2.1');
    expect(r.info(0)).toMatchObject({ cap: 2, perAddress: 10, replaceable: 0, refused: [] });
    r.beat(beat('c'), '192.0.2.3');
    now = 1_000;
    r.beat(beat('d'), '192.0.2.4');
    r.beat(beat('c'), '192.0.2.3');
    expect(r.info(0).refused).toEqual([
      { screen: 'c', reason: 'list-full', address: '192.0.2.3', at: 1_000 },
      { screen: 'd', reason: 'list-full', address: '192.0.2.4', at: 1_000 },
    ]);
    // Forgetting one frees a slot: c's next beat is taken, d's is refused again.
    following(r).write({ action: 'forget', screens: ['a'] });
    r.beat(beat('c'), '192.0.2.3');
    expect(r.info(0).refused.map((x) => x.screen)).toEqual(['d']);
    // d stopped trying: a minute after its last try it is no longer said to wait.
    now = 1_000 + REFUSED_SHOWN_MS + 1;
    r.beat(beat('b'), '192.0.2.1');
    r.beat(beat('c'), '192.0.2.3');
    expect(r.info(0).refused).toEqual([]);
  });

  it('counts the silent screens nobody manages as replaceable, and says the per-address refusals', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now, maxScreens: 3, maxPerAddress: 1 });
    r.beat(beat('kept'), '192.0.2.1');
    r.beat(beat('spare'), '192.0.2.2');
    following(r).write({ action: 'assign', screens: ['kept'], assignment: null, group: 'floor 1' });
    now = SCREEN_SILENT_MS + 1;
    // spare is silent now: the address makes room for second by dropping it; third is over the bound.
    expect(r.info(0).replaceable).toBe(1);
    r.beat(beat('second'), '192.0.2.2');
    expect(r.beat(beat('third'), '192.0.2.2')).toEqual({ reason: 'address-full', limit: 1 });
    const info = r.info(0);
    expect(info.replaceable).toBe(0);
    expect(info.refused).toEqual([
      { screen: 'third', reason: 'address-full', address: '192.0.2.2', at: now },
    ]);
    expect(info.screens.map((s) => s.screen)).toEqual(['kept', 'second']);
  });

  it('keeps at most 100 refused names, the newest', () => {
    const r = new ScreenRegistry({ realNow: () => 0, maxScreens: 0 });
    for (let i = 0; i < 150; i++) r.beat(beat(`s${i}`));
    const refused = r.info(0).refused;
    expect(refused).toHaveLength(100);
    expect(refused[0]!.screen).toBe('s149');
    expect(refused[99]!.screen).toBe('s50');
  });
});

describe('ScreenRegistry names', () => {
  it('binds a name to the secret of its first beat that brings one; others cannot take it', () => {
    const r = new ScreenRegistry({ realNow: () => 0 });
    expect(r.beat(beat('door', { secret: SECRET }))).toBeNull();
    expect(r.beat(beat('door', { secret: 'another-screen-s-secret', revision: 9 }))).toEqual({
      reason: 'name-taken',
      screen: 'door',
    });
    expect(r.beat(beat('door', { revision: 9 }))).toEqual({ reason: 'name-taken', screen: 'door' });
    expect(r.beat(beat('door', { secret: SECRET, revision: 3 }))).toBeNull();
    const [s] = r.list(3);
    expect(s).toMatchObject({ screen: 'door', revision: 3, bound: true });
    expect(JSON.stringify(r.list(3))).not.toContain(SECRET);
  });

  it('a forgotten name is free again', () => {
    const r = new ScreenRegistry({ realNow: () => 0 });
    r.beat(beat('door', { secret: SECRET }));
    following(r).write({ action: 'forget', screens: ['door'] });
    expect(r.knows('door')).toBe(false);
    expect(r.beat(beat('door', { secret: 'a-new-screen-with-this-name' }))).toBeNull();
  });
});

describe('ScreenRegistry liveness and alarms (host real time, injected)', () => {
  it.each([
    // [ms since last beat, silent]
    [0, false],
    [SCREEN_SILENT_MS, false],
    [SCREEN_SILENT_MS + 1, true],
  ])('%i ms after its last beat: silent %s', (after, silent) => {
    let now = 1_000_000;
    const r = new ScreenRegistry({ realNow: () => now });
    r.beat(beat('door', { page: 'room', room: 'winchester' }));
    now += after;
    const [s] = r.list(0);
    expect(s!.stale).toBe(silent);
    expect(s!.alarm).toEqual(silent ? { kind: 'silent', since: 1_000_000 + SCREEN_SILENT_MS } : null);
  });

  it('raises "behind" 10 s after a newer revision was made, clears when the screen shows it', () => {
    let now = 5_000;
    const r = new ScreenRegistry({ realNow: () => now });
    r.beat(beat('door', { revision: 4 }));
    now = 20_000;
    r.noteRevision(5);
    now = 20_000 + SCREEN_BEHIND_MS - 1;
    r.beat(beat('door', { revision: 4 }));
    expect(r.list(5)[0]!.alarm).toBeNull();
    now = 20_000 + SCREEN_BEHIND_MS;
    expect(r.list(5)[0]!.alarm).toEqual({ kind: 'behind', since: 20_000 + SCREEN_BEHIND_MS });
    r.beat(beat('door', { revision: 5 }));
    expect(r.list(5)[0]!.alarm).toBeNull();
  });

  it('a dismissed alarm stays down; the next one is raised again', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now });
    r.beat(beat('door'));
    now = SCREEN_SILENT_MS + 1;
    const alarm = r.list(0)[0]!.alarm!;
    expect(r.dismiss('door', alarm)).toBe(true);
    expect(r.list(0)[0]!.alarm).toBeNull();
    r.beat(beat('door'));
    now += SCREEN_SILENT_MS + 1;
    expect(r.list(0)[0]!.alarm).toMatchObject({ kind: 'silent' });
  });

  it('raises none for admin pages', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now });
    r.beat(beat('staff-laptop', { page: 'admin' }));
    now = 10 * SCREEN_SILENT_MS;
    expect(r.list(0)[0]!.alarm).toBeNull();
  });
});

describe('ScreenRegistry reloads, directives, store', () => {
  it('counts every page load after the first, with its reason and when', () => {
    let now = 100_000;
    const r = new ScreenRegistry({ realNow: () => now });
    r.beat(beat('door', { boot: 'b1', reason: 'start', uptimeMs: 500 }));
    r.beat(beat('door', { boot: 'b1', uptimeMs: 15_500 }));
    expect(r.list(0)[0]).toMatchObject({ reloads: 0, lastReload: { at: 99_500, why: 'start' } });
    now = 200_000;
    r.beat(beat('door', { boot: 'b2', reason: 'staff', uptimeMs: 300 }));
    expect(r.list(0)[0]).toMatchObject({ reloads: 1, lastReload: { at: 199_700, why: 'staff' } });
  });

  it('tells the screen what staff set, at once: assignment, identify for 15 s, reload', () => {
    let now = 0;
    const r = new ScreenRegistry({ realNow: () => now });
    const j = following(r);
    r.beat(beat('door'));
    r.beat(beat('other'));
    const told: ScreenDirective[] = [];
    const stop = r.watch('door', (d) => told.push(d));
    j.write({
      action: 'assign',
      screens: ['door'],
      assignment: { page: 'room', room: 'borg', lang: 'de' },
      group: 'floor-1',
    });
    expect(r.resolve({ screens: ['door', 'nobody'] })).toEqual(['door']);
    j.write({ action: 'identify', screens: ['door'] });
    now = 1_000;
    expect(r.directive('door').identifyMs).toBe(IDENTIFY_MS - 1_000);
    expect(r.resolve({ group: 'floor-1' })).toEqual(['door']);
    // A reload's count is the revision that asked it: the same on every host, and after a replay.
    j.write({ action: 'reload', screens: ['door'] });
    stop();
    expect(r.resolve({ all: true })).toEqual(['door', 'other']);
    j.write({ action: 'reload', screens: ['door', 'other'] });
    const borg = { page: 'room', room: 'borg', lang: 'de' } as const;
    expect(told).toEqual([
      { screen: 'door', assignment: borg, identifyMs: 0, reload: 0 },
      { screen: 'door', assignment: borg, identifyMs: IDENTIFY_MS, reload: 0 },
      { screen: 'door', assignment: borg, identifyMs: IDENTIFY_MS - 1_000, reload: 3 },
    ]);
    expect(r.directive('other').reload).toBe(4);
    expect(r.directive('door').reload).toBe(4);
    expect(r.directive('nobody')).toEqual({ screen: 'nobody', assignment: null, identifyMs: 0, reload: 0 });
  });

  it('holds what staff set for a screen that beats another host, and gives it at its first beat here', () => {
    const r = new ScreenRegistry({ realNow: () => 0 });
    const j = following(r);
    // "hall" beats another host of the cluster; its staff's writes come here through the journal.
    j.write({ action: 'assign', screens: ['hall'], assignment: { page: 'lobby' }, group: 'east' });
    j.write({ action: 'reload', screens: ['hall'] });
    expect(r.knows('hall')).toBe(true);
    expect(r.list(2)).toEqual([]);
    expect(r.resolve({ group: 'east' })).toEqual(['hall']);
    // Named by staff, known elsewhere only: a command still reaches it (its own host acts on it).
    expect(r.resolve({ screens: ['hall', 'far'] }, ['far'])).toEqual(['far', 'hall']);
    expect(r.resolve({ all: true }, ['far'])).toEqual(['far']);
    r.beat(beat('hall', { page: 'room', room: 'winchester' }));
    expect(r.list(2)[0]).toMatchObject({ screen: 'hall', assignment: { page: 'lobby' }, group: 'east' });
    expect(r.directive('hall')).toMatchObject({ assignment: { page: 'lobby' }, reload: 2 });
  });

  it('replays staff entries after its saved mark at a restart, and identify only as it comes', () => {
    const store = memoryRegistryStore();
    let now = 0;
    const first = new ScreenRegistry({ realNow: () => now, store });
    const j = following(first);
    first.beat(beat('door'));
    first.beat(beat('spare'));
    j.write({ action: 'assign', screens: ['door'], assignment: { page: 'lobby' } });
    j.write({ action: 'forget', screens: ['spare'] });
    expect(store.savedMark).toEqual({ journal: j.id, revision: 2 });
    // The screen forgotten beats again: it is back, and a restart must not forget it again.
    first.beat(beat('spare'));
    first.close();
    // Written to the journal while the store was not (a crash between the two writes).
    j.add({
      type: 'screen',
      revision: 3,
      at: '2019-05-20T09:01:00-07:00',
      action: 'assign',
      screens: ['door'],
      group: 'hall',
    });
    j.add({
      type: 'screen',
      revision: 4,
      at: '2019-05-20T09:02:00-07:00',
      action: 'identify',
      screens: ['door'],
    });
    now = 5;
    const again = new ScreenRegistry({ realNow: () => now, store });
    again.follow(staffJournal(j.id, j.entries));
    expect(again.list(4).map((s) => [s.screen, s.assignment, s.group])).toEqual([
      ['door', { page: 'lobby' }, 'hall'],
      ['spare', null, null],
    ]);
    expect(again.directive('door').identifyMs).toBe(0);
    expect(store.savedMark).toEqual({ journal: j.id, revision: 4 });
    // Another journal (moved aside, or the cluster's): its staff entries all apply.
    const other = new ScreenRegistry({ realNow: () => now, store });
    other.follow(
      staffJournal('another-journal', [
        {
          type: 'screen',
          revision: 1,
          at: '2019-05-20T09:00:00-07:00',
          action: 'forget',
          screens: ['spare'],
        },
      ]),
    );
    expect(other.list(1).map((s) => s.screen)).toEqual(['door']);
  });

  it('keeps screens, assignments and groups in its store across a restart', () => {
    const store = memoryRegistryStore();
    const first = new ScreenRegistry({ realNow: () => 0, store });
    first.beat(beat('door', { secret: SECRET, page: 'room', room: 'winchester' }));
    following(first).write({
      action: 'assign',
      screens: ['door'],
      assignment: { page: 'lobby', lang: 'de' },
      group: 'hall',
    });
    first.close();
    const again = new ScreenRegistry({ realNow: () => 1, store });
    expect(again.list(0)).toEqual([
      expect.objectContaining({
        screen: 'door',
        assignment: { page: 'lobby', lang: 'de' },
        group: 'hall',
        bound: true,
      }),
    ]);
    expect(again.beat(beat('door', { secret: 'not-the-screen-s-secret' }))).toMatchObject({
      reason: 'name-taken',
    });
    expect(JSON.stringify(store.saved)).not.toContain(SECRET);
  });

  it('saves beats later, together (not on every beat); a change by staff at once', () => {
    const store = memoryRegistryStore();
    let saves = 0;
    const counting = {
      load: store.load,
      mark: store.mark,
      save: (...args: Parameters<typeof store.save>) => (saves++, store.save(...args)),
    };
    const r = new ScreenRegistry({ realNow: () => 0, store: counting, saveEveryMs: 60_000 });
    r.beat(beat('door'));
    for (let i = 1; i < 20; i++) r.beat(beat(i % 2 ? 'door' : `new-${i}`, { revision: i }));
    expect(saves).toBe(0);
    following(r).write({ action: 'assign', screens: ['door'], assignment: { page: 'lobby' }, group: null });
    expect(saves).toBe(1);
    r.beat(beat('door', { revision: 20 }));
    r.close();
    expect(saves).toBe(2);
    expect(store.saved.find((s) => s.screen === 'door')!.report.revision).toBe(20);
  });
});
