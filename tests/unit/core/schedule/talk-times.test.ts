import { describe, expect, it } from 'vitest';
import { talkTimes, talkOnNow } from '../../../../core/schedule/talk-times.js';
import type { Session } from '../../../../core/program/schema.js';
import { opml19, t, twoDays } from '../fixtures.js';

const program = opml19();
const session = (id: string, p = program): Session => {
  const s = p.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  return structuredClone(s);
};
const spans = (s: Session) =>
  talkTimes(s).map(
    (x) => `${x.talk} ${x.start.slice(11, 16)}–${x.end.slice(11, 16)}${x.estimated ? ' ~' : ''}`,
  );

describe('talkTimes', () => {
  it('a block without talk times: equal shares, estimated, in the session offset', () => {
    // t1-production: 10:30–12:30, six talks of 20 minutes.
    expect(spans(session('t1-production'))).toEqual([
      't1-production-1 10:30–10:50 ~',
      't1-production-2 10:50–11:10 ~',
      't1-production-3 11:10–11:30 ~',
      't1-production-4 11:30–11:50 ~',
      't1-production-5 11:50–12:10 ~',
      't1-production-6 12:10–12:30 ~',
    ]);
    expect(talkTimes(session('t1-production'))[0]?.start).toBe('2019-05-20T10:30:00-07:00');
  });

  it('a session without talks has none', () => {
    expect(talkTimes(session('break-am'))).toEqual([]);
  });

  it('talks with their own times keep them, not estimated', () => {
    expect(spans(session('d2-a1', twoDays()))).toEqual(['d2-a1-1 10:00–10:20', 'd2-a1-2 10:20–11:00']);
  });

  it('talks with their own times and a late start: the named talk and the later ones move', () => {
    const s = session('d2-a1', twoDays());
    s.nowSpeaking = { talk: 'd2-a1-2', since: '2024-06-11T10:25:00+02:00' };
    expect(spans(s)).toEqual(['d2-a1-1 10:00–10:20', 'd2-a1-2 10:25–11:05 ~']);
  });

  it('a cancelled talk takes no time; the others share the block', () => {
    const s = session('t2-pm1'); // 13:30–14:30, three talks
    s.talks[1]!.cancelled = { note: 'speaker ill' };
    expect(spans(s)).toEqual(['t2-pm1-1 13:30–14:00 ~', 't2-pm1-2 14:00–14:00 ~', 't2-pm1-3 14:00–14:30 ~']);
  });

  it.each<[string, string, string[]]>([
    // The second talk started late at 13:55: the first is over then, the rest share 13:55–14:30.
    [
      't2-pm1-2',
      '2019-05-20T13:55:00-07:00',
      ['t2-pm1-1 13:30–13:55 ~', 't2-pm1-2 13:55–14:12 ~', 't2-pm1-3 14:12–14:30 ~'],
    ],
    // The first talk started 10 minutes late.
    [
      't2-pm1-1',
      '2019-05-20T13:40:00-07:00',
      ['t2-pm1-1 13:40–13:56 ~', 't2-pm1-2 13:56–14:13 ~', 't2-pm1-3 14:13–14:30 ~'],
    ],
    // Running over: the last talk started after the block's end still gets a few minutes.
    [
      't2-pm1-3',
      '2019-05-20T14:31:00-07:00',
      ['t2-pm1-1 13:30–14:00 ~', 't2-pm1-2 14:00–14:31 ~', 't2-pm1-3 14:31–14:36 ~'],
    ],
  ])('now speaking %s since %s', (talk, since, expected) => {
    const s = session('t2-pm1');
    s.nowSpeaking = { talk, since };
    expect(spans(s)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['2019-05-20T13:29:59-07:00', null],
    ['2019-05-20T13:30:00-07:00', 't2-pm1-1'],
    ['2019-05-20T13:49:59-07:00', 't2-pm1-1'],
    ['2019-05-20T13:50:00-07:00', 't2-pm1-2'],
    ['2019-05-20T14:29:59-07:00', 't2-pm1-3'],
    ['2019-05-20T14:30:00-07:00', null],
  ])('the talk on at %s is %s', (at, expected) => {
    const s = session('t2-pm1');
    expect(talkOnNow(s, talkTimes(s), t(at))?.talk ?? null).toBe(expected);
  });
});
