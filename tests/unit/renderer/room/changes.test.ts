import { describe, expect, it } from 'vitest';
import type { OverrideInput } from '../../../../core/overrides/schema.js';
import type { Program } from '../../../../core/program/schema.js';
import { roomView } from '../../../../renderer/room/view.js';
import { afterOverrides, opml19, t } from '../../core/fixtures.js';

// What a room screen says after the day's changes (issue 11, bugs 2 and 3): "Next here" is what
// really happens here; a session cancelled or moved is said as such, with what to do instead.
const program = opml19();
const after = (...os: OverrideInput[]): Program => afterOverrides(program, ...os);
const L = 'lawrence-san-tomas-lafayette';
const swap = after(
  { kind: 'move', session: 'tut-pm1', room: L, force: true },
  { kind: 'move', session: 't1-pm1', room: 'winchester' },
);
const cancelled = after({ kind: 'cancel', session: 'tut-pm1', note: 'The speaker is ill' });
const cancelledBare = after({ kind: 'cancel', session: 'tut-pm1' });
const movedAway = after({ kind: 'move', session: 'tut-pm1', room: 'magnolia' });
const lastCancelled = after({ kind: 'cancel', session: 'tut-pm3' });
const TUT1 = 'Deep Learning Lifecycle Management with Kubernetes, REST, and Python';
const TUT2 = 'ModelOps on AWS';

describe('the status panel after changes', () => {
  it.each<[string, Program, string, string, { headline: string; detail: string | null }]>([
    [
      'cancelled 13:30 tutorial, during lunch',
      cancelled,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      {
        headline: 'Lunch in the Magnolia Room until 1:30 PM',
        detail: `1:30 PM tutorial cancelled (The speaker is ill) — next here: ${TUT2} at 2:30 PM`,
      },
    ],
    [
      'moved 13:30 tutorial, during lunch',
      movedAway,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      {
        headline: 'Lunch in the Magnolia Room until 1:30 PM',
        detail: `1:30 PM tutorial moved to the Magnolia Room — next here: ${TUT2} at 2:30 PM`,
      },
    ],
    [
      'swap, during lunch: the panel moved in is next here',
      swap,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      {
        headline: 'Lunch in the Magnolia Room until 1:30 PM',
        detail:
          '1:30 PM tutorial moved to the Lawrence/San Tomas/Lafayette Rooms — next here: How the Experts Do It: Production ML at Scale at 1:30 PM',
      },
    ],
    [
      'the current session cancelled, with a note',
      cancelled,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      {
        headline: `Cancelled: ${TUT1}`,
        detail: `The speaker is ill — next here: ${TUT2} at 2:30 PM`,
      },
    ],
    [
      'the current session cancelled, no note',
      cancelledBare,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      { headline: `Cancelled: ${TUT1}`, detail: `Next here: ${TUT2} at 2:30 PM` },
    ],
    [
      'the current session moved away',
      movedAway,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      {
        headline: `Moved to the Magnolia Room: ${TUT1}`,
        detail: `Next here: ${TUT2} at 2:30 PM`,
      },
    ],
    [
      'the last session cancelled: nothing more here',
      lastCancelled,
      'winchester',
      '2019-05-20T16:30:00-07:00',
      { headline: 'Cancelled: Tutorials Track', detail: 'Nothing more here today' },
    ],
  ])('%s', (_, p, room, at, want) => {
    const status = roomView(p, room, t(at)).status;
    expect(status && { headline: status.headline, detail: status.detail }).toEqual(want);
  });
});

describe('the session card after changes', () => {
  it.each<[string, Program, string, string, string | null, string[]]>([
    [
      'swap, Winchester at 13:45: the panel on, the tutorial said moved',
      swap,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      't1-pm1',
      ['1:30 PM tutorial moved to the Lawrence/San Tomas/Lafayette Rooms'],
    ],
    [
      'swap, Lawrence at 13:45: the tutorial on, the panel said moved',
      swap,
      L,
      '2019-05-20T13:45:00-07:00',
      'tut-pm1',
      ['1:30 PM panel moved to the Winchester Room'],
    ],
    [
      'cancel, Winchester at 11:00: next is the 14:30 tutorial',
      cancelled,
      'winchester',
      '2019-05-20T11:00:00-07:00',
      'tut-pm2',
      ['1:30 PM tutorial cancelled (The speaker is ill)'],
    ],
  ])('%s', (_, p, room, at, nextOrCurrent, changes) => {
    const v = roomView(p, room, t(at));
    expect(v.status).toBeNull();
    expect([v.nn.current?.id, v.nn.next?.id]).toContain(nextOrCurrent);
    expect(v.changes).toEqual(changes);
  });
});
