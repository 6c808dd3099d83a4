import { describe, expect, it } from 'vitest';
import { applyOverrides, checkOverride } from '../../../../core/overrides/apply.js';
import { roomStatusAt, statusEnd } from '../../../../core/overrides/room-status.js';
import type { JournalEntry, OverrideInput } from '../../../../core/overrides/schema.js';
import { parseProgram } from '../../../../core/program/parse.js';
import { opml19, t } from '../../core/fixtures.js';

const base = opml19();
const S = 'stevens-creek';

const entry = (override: OverrideInput, at: string, revision = 1): JournalEntry => ({
  type: 'override',
  revision,
  at,
  override,
});
const roomOf = (journal: JournalEntry[]) =>
  applyOverrides(base, journal).program.rooms.find((r) => r.id === S)!;

describe('statusEnd: a "full" ends with the session it was said in', () => {
  it.each<[string, string, string]>([
    ['during the morning block', '2019-05-20T11:00:00-07:00', '2019-05-20T12:30:00-07:00'],
    ['at its first minute', '2019-05-20T10:30:00-07:00', '2019-05-20T12:30:00-07:00'],
    ['at its end: the next session', '2019-05-20T12:30:00-07:00', '2019-05-20T14:30:00-07:00'],
    ['over lunch: the next session', '2019-05-20T13:00:00-07:00', '2019-05-20T14:30:00-07:00'],
    ['in the same instant written in UTC', '2019-05-20T18:00:00Z', '2019-05-20T12:30:00-07:00'],
    ['after the last session: an hour', '2019-05-20T19:00:00-07:00', '2019-05-20T20:00:00-07:00'],
  ])('%s (%s) → %s', (_what, at, until) => {
    expect(statusEnd(base, S, t(at))).toBe(t(until));
  });
});

describe('room-status override', () => {
  it('marks the room full until its session ends, and clears then', () => {
    const room = roomOf([
      entry({ kind: 'room-status', room: S, status: 'full' }, '2019-05-20T11:00:00-07:00'),
    ]);
    expect(room.status).toEqual({
      status: 'full',
      until: '2019-05-20T12:30:00-07:00',
      since: '2019-05-20T11:00:00-07:00',
    });
    expect.soft(roomStatusAt(room, t('2019-05-20T12:29:00-07:00'))?.status).toBe('full');
    expect.soft(roomStatusAt(room, t('2019-05-20T19:29:59Z'))?.status).toBe('full');
    expect.soft(roomStatusAt(room, t('2019-05-20T12:30:00-07:00'))).toBeNull();
    expect.soft(roomStatusAt(room, t('2019-05-20T21:30:00+02:00'))).toBeNull();
  });

  it.each<[string, OverrideInput[], string | null, string | null]>([
    [
      'filling up',
      [{ kind: 'room-status', room: S, status: 'filling' }],
      'filling',
      '2019-05-20T12:30:00-07:00',
    ],
    [
      'an until given',
      [{ kind: 'room-status', room: S, status: 'full', until: '2019-05-20T20:00:00Z' }],
      'full',
      '2019-05-20T20:00:00Z',
    ],
    [
      'filling, then full',
      [
        { kind: 'room-status', room: S, status: 'filling' },
        { kind: 'room-status', room: S, status: 'full' },
      ],
      'full',
      '2019-05-20T12:30:00-07:00',
    ],
    [
      'full, then open again',
      [
        { kind: 'room-status', room: S, status: 'full' },
        { kind: 'room-status', room: S, status: 'open' },
      ],
      null,
      null,
    ],
  ])('%s', (_what, overrides, status, until) => {
    const room = roomOf(overrides.map((o, i) => entry(o, '2019-05-20T11:00:00-07:00', i + 1)));
    expect(room.status?.status ?? null).toBe(status);
    expect(room.status?.until ?? null).toBe(until);
  });

  it('a delay makes a later "full" last with the session', () => {
    const room = roomOf([
      entry({ kind: 'delay', session: 't2-deep-learning', minutes: 15 }, '2019-05-20T10:00:00-07:00', 1),
      entry({ kind: 'room-status', room: S, status: 'full' }, '2019-05-20T11:00:00-07:00', 2),
    ]);
    expect(room.status?.until).toBe('2019-05-20T12:45:00-07:00');
  });

  it('a reverted one is gone', () => {
    const room = roomOf([
      entry({ kind: 'room-status', room: S, status: 'full' }, '2019-05-20T11:00:00-07:00', 1),
      { type: 'revert', revision: 2, at: '2019-05-20T11:01:00-07:00', target: 1 },
    ]);
    expect(room.status).toBeUndefined();
  });

  it('an unknown room: 404 naming the rooms, and skipped with a problem when journalled', () => {
    const o: OverrideInput = { kind: 'room-status', room: 'nowhere', status: 'full' };
    expect(checkOverride(base, o)).toMatchObject({
      status: 404,
      error: expect.stringContaining('Unknown room "nowhere"'),
    });
    expect(applyOverrides(base, [entry(o, '2019-05-20T11:00:00-07:00')]).problems).toEqual([
      'revision 1 (room-status): unknown room "nowhere" (the program changed?); skipped',
    ]);
  });

  it('a program file cannot carry a room status', () => {
    const file = structuredClone(base) as unknown as {
      rooms: Record<string, unknown>[];
      announcements?: unknown;
    };
    file.rooms[0]!.status = {
      status: 'full',
      until: '2019-05-20T12:30:00-07:00',
      since: '2019-05-20T11:00:00-07:00',
    };
    const r = parseProgram(file);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContain('rooms[0].status: only overrides may set this; remove it from the file');
  });
});
