import { describe, expect, it } from 'vitest';
import { dayCut, frameCut } from '../../../../core/schedule/day.js';
import { lobby } from '../../../../core/schedule/lobby.js';
import { nowNext } from '../../../../core/schedule/now-next.js';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { Program } from '../../../../core/program/schema.js';
import { afterOverrides, opml19, t, twoDays } from '../fixtures.js';

const ids = (p: Program) => p.sessions.map((s) => s.id);

/** now/next as a screen shows it: the ids and states, which must not depend on the cut. */
function shown(p: Program, room: string, at: number) {
  const nn = nowNext(p, room, at);
  return {
    state: nn.state,
    current: nn.current?.id ?? null,
    next: nn.next?.id ?? null,
    later: nn.later.map((s) => s.id),
    changed: nn.changed.map((s) => s.id),
    venue: [nn.venue.current?.id ?? null, nn.venue.next?.id ?? null],
  };
}

describe('dayCut with a room: a room screen’s payload', () => {
  it.each([
    ['day 1 morning', '2024-06-10T09:45:00+02:00', 'a'],
    ['day 1 at the party', '2024-06-10T23:30:00+02:00', 'a'],
    ['after midnight, the party still on', '2024-06-11T01:00:00+02:00', 'c'],
    ['day 2', '2024-06-11T10:30:00+02:00', 'b'],
  ])('%s (%s, room %s): holds the day to noon the day after', (_, iso, room) => {
    const p = twoDays();
    const { program, window } = dayCut(p, t(iso), room);
    expect(window.room).toBe(room);
    for (const s of program.sessions) {
      const inWindow = t(s.start) < t(window.until) && t(s.end) > t(window.from);
      // outside the window only this room's next session
      if (!inWindow) expect(s.room).toBe(room);
    }
    expect(t(window.renew!)).toBeGreaterThan(t(iso));
    expect(t(window.renew!)).toBeLessThanOrEqual(t(window.until));
  });

  it('keeps no abstracts or bios; the other rooms’ sessions only from now, without people', () => {
    const p = opml19();
    const { program } = dayCut(p, t('2019-05-20T10:45:00-07:00'), 'winchester');
    const other = program.sessions.find((s) => s.id === 't2-deep-learning')!;
    const own = program.sessions.find((s) => s.id === 't1-production')!;
    const printed = p.sessions.find((s) => s.id === 't1-production')!;
    expect(other.talks.length).toBeGreaterThan(0);
    expect(other.talks.every((x) => x.abstract === undefined && x.speakers.length === 0)).toBe(true);
    expect(own.chairs).toEqual(printed.chairs.map(({ bio: _, ...c }) => c));
    expect(own.talks.map((x) => [x.id, x.title, x.speakers.map((sp) => sp.name), x.abstract])).toEqual(
      printed.talks.map((x) => [x.id, x.title, x.speakers.map((sp) => sp.name), undefined]),
    );
    // the keynote ended at 10:00 in another room: nothing shows it any more
    expect(ids(program)).not.toContain('keynote');
    expect(ids(program)).toContain('breakfast');
  });

  it('gives this room’s next session even days after the window (next here, tomorrow or later)', () => {
    const p = twoDays();
    const early = dayCut(p, t('2024-06-10T09:45:00+02:00'), 'b');
    // day 2's b session starts before noon the day after: in the window
    expect(ids(early.program)).toContain('d2-b1');
    const far = {
      ...p,
      sessions: p.sessions.map((s) =>
        s.id === 'd2-b1' ? { ...s, start: '2024-06-14T10:00:00+02:00', end: '2024-06-14T11:00:00+02:00' } : s,
      ),
    };
    expect(ids(dayCut(far, t('2024-06-10T09:45:00+02:00'), 'b').program)).toContain('d2-b1');
  });

  it('renews at the day turn (04:00 venue time), and once a day after the event', () => {
    const p = twoDays();
    expect(dayCut(p, t('2024-06-10T15:00:00+02:00'), 'a').window.renew).toBe('2024-06-11T04:00:00+02:00');
    expect(dayCut(p, t('2024-06-20T15:00:00+02:00'), 'a').window.renew).toBe('2024-06-21T04:00:00+02:00');
  });

  // The screen runs its day offline from the payload: what it shows must equal the full program's.
  const HOURS = Array.from({ length: 28 }, (_, h) => h);
  it.each(HOURS)(
    'OpML ’19 at 07:00 + %i h (-07:00): every room shows the same as from the full program',
    (h) => {
      const p = opml19();
      const fetchedAt = t('2019-05-20T07:00:00-07:00');
      const at = fetchedAt + h * 3_600_000 + 5 * 60_000;
      for (const r of p.rooms) {
        const { program, window } = dayCut(p, fetchedAt, r.id);
        if (at >= t(window.until)) continue;
        expect(shown(program, r.id, at), `${r.id} at +${h} h`).toEqual(shown(p, r.id, at));
      }
    },
  );

  it('shows a session moved away from this room, and what moved in, as the full program does', () => {
    const p = applyOverrides(opml19(), [
      {
        type: 'override',
        revision: 1,
        at: '2019-05-20T09:00:00-07:00',
        override: { kind: 'move', session: 'tut-pm1', room: 'magnolia' },
      },
      {
        type: 'override',
        revision: 2,
        at: '2019-05-20T09:00:00-07:00',
        override: { kind: 'move', session: 't2-pm2', room: 'winchester', force: true },
      },
    ]).program;
    const at = t('2019-05-20T13:00:00-07:00');
    for (const room of ['winchester', 'magnolia', 'stevens-creek']) {
      const cut = dayCut(p, at - 3_600_000, room).program;
      for (const h of [0, 1, 2, 3])
        expect(shown(cut, room, at + h * 3_600_000)).toEqual(shown(p, room, at + h * 3_600_000));
    }
  });
});

describe('dayCut without a room: the lobby’s first page', () => {
  /** The board as it reads a program: every cell, and each room's now & next with its talk on now. */
  function board(p: Program, at: number) {
    const grid = lobby(p, at);
    return {
      cells: grid.cells.map((c) => [c.session.id, c.state, c.column, c.top, c.bottom]),
      rooms: p.rooms.map((r) => {
        const nn = nowNext(p, r.id, at);
        const talks = (s: typeof nn.current) =>
          s?.talks.map((x) => [x.id, x.title, x.cancelled?.note ?? null]) ?? null;
        return { ...shown(p, r.id, at), onNow: nn.current?.onNow?.index ?? null, talks: talks(nn.current) };
      }),
    };
  }
  const changed = () =>
    afterOverrides(
      opml19(),
      { kind: 'cancel', talk: 't2-deep-learning-2', note: 'speaker ill' },
      { kind: 'delay', session: 't1-production', minutes: 10 },
      { kind: 'now-speaking', session: 't1-production', talk: 't1-production-2' },
    );

  it.each(['07:30', '09:05', '10:45', '12:15', '15:40', '17:55'])(
    'OpML ’19 at %s (-07:00), with staff’s changes: the board shows the same as from the full program',
    (hm) => {
      const p = changed();
      const at = t(`2019-05-20T${hm}:00-07:00`);
      const { program } = dayCut(p, at);
      expect(board(program, at)).toEqual(board(p, at));
    },
  );

  it('keeps no abstracts, people or links: a fraction of the day’s sessions as printed', () => {
    const p = changed();
    const at = t('2019-05-20T10:45:00-07:00');
    const { program } = dayCut(p, at);
    expect(program.sessions.length).toBeGreaterThan(10);
    for (const s of program.sessions) {
      expect(s.abstract, s.id).toBeUndefined();
      expect(s.speakers.length + s.chairs.length, s.id).toBe(0);
      expect(s.talks.every((x) => x.abstract === undefined && x.speakers.length === 0)).toBe(true);
    }
    const whole = JSON.stringify(p.sessions.filter((s) => program.sessions.some((c) => c.id === s.id)));
    expect(JSON.stringify(program.sessions).length).toBeLessThan(whole.length / 2);
  });
});

describe('frameCut: a screen with no room yet', () => {
  it('keeps the conference, rooms, announcements and alerts whole, and no session', () => {
    const p = opml19();
    const at = t('2019-05-20T10:45:00-07:00');
    const { program, window } = frameCut(p, at);
    expect(program.sessions).toEqual([]);
    expect(program.conference).toEqual(p.conference);
    expect(program.rooms).toEqual(p.rooms);
    expect(program.announcements).toEqual(p.announcements);
    expect(program.alerts).toEqual(p.alerts);
    expect(window).toEqual(dayCut(p, at).window);
    expect(JSON.stringify(program).length).toBeLessThan(JSON.stringify(p).length / 10);
  });
});
