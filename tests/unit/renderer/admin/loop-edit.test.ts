import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../core/settings/schema.js';
import { Settings } from '../../../../core/settings/schema.js';
import {
  loopOf,
  moved,
  newCustomSlide,
  scheduleFrom,
  withLoop,
  withoutSlide,
} from '../../../../renderer/admin/loop-edit.js';

const loop = DEFAULT_SETTINGS.loop;

describe('the admin’s loop edits', () => {
  it.each([
    { list: ['a', 'b', 'c'], i: 0, by: 1, want: ['b', 'a', 'c'] },
    { list: ['a', 'b', 'c'], i: 2, by: -1, want: ['a', 'c', 'b'] },
    { list: ['a', 'b', 'c'], i: 0, by: -1, want: ['a', 'b', 'c'] },
    { list: ['a', 'b', 'c'], i: 2, by: 5, want: ['a', 'b', 'c'] },
  ])('moves $i by $by', ({ list, i, by, want }) => {
    expect(moved(list, i, by)).toEqual(want);
  });

  it('gives a room its own loop and takes it back', () => {
    const own = withLoop(loop, { kind: 'room', room: 'borg' }, [{ slide: 'now', seconds: 5 }]);
    expect(loopOf(own, { kind: 'room', room: 'borg' })).toEqual([{ slide: 'now', seconds: 5 }]);
    expect(own.room).toEqual(loop.room);
    expect(
      loopOf(withLoop(own, { kind: 'room', room: 'borg' }, null), { kind: 'room', room: 'borg' }),
    ).toBeNull();
  });

  it('makes new slides with ids of their own, valid as they are (but a QR’s link)', () => {
    const a = newCustomSlide('text', []);
    const b = newCustomSlide('text', [a]);
    expect([a.id, b.id]).toEqual(['text-1', 'text-2']);
    expect(Settings.safeParse({ slides: [a, b] }).success).toBe(true);
  });

  it('takes a deleted slide out of every loop, so the document stays valid', () => {
    const wifi = newCustomSlide('text', []);
    const l = withLoop(
      withLoop(loop, { kind: 'lobby' }, [...loop.lobby, { slide: 'custom:text-1', seconds: 9 }]),
      { kind: 'room', room: 'borg' },
      [
        { slide: 'custom:text-1', seconds: 9 },
        { slide: 'now', seconds: 9 },
      ],
    );
    const after = withoutSlide(l, [wifi], 'text-1');
    expect(after.slides).toEqual([]);
    expect(Settings.safeParse({ loop: after.loop, slides: after.slides }).success).toBe(true);
    expect(after.loop.rooms.borg).toEqual([{ slide: 'now', seconds: 9 }]);
  });

  it.each([
    { f: { days: '', from: '', until: '', rooms: [] }, want: undefined },
    {
      f: { days: '2019-05-20, 2019-05-21', from: '12:00', until: '13:30', rooms: [] },
      want: { days: ['2019-05-20', '2019-05-21'], from: '12:00', until: '13:30' },
    },
    {
      f: { days: ' ', from: '', until: '02:00', rooms: ['borg'] },
      want: { until: '02:00', rooms: ['borg'] },
    },
  ])('reads the schedule fields $f', ({ f, want }) => {
    expect(scheduleFrom(f)).toEqual(want);
  });
});
