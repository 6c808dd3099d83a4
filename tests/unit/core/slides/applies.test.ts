import { describe, expect, it } from 'vitest';
import { scheduleApplies } from '../../../../core/slides/applies.js';
import { SlideSchedule, type SlideSchedule as Schedule } from '../../../../core/slides/schedule.js';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);

describe('scheduleApplies', () => {
  const lunch: Schedule = { from: '12:00', until: '13:30' };
  const night: Schedule = { days: ['2018-12-27'], from: '22:00', until: '02:00' };
  const rooms: Schedule = { rooms: ['winchester'] };
  const day: Schedule = { days: ['2019-05-20'] };

  it.each([
    // a window on one day, [from, until)
    { s: lunch, zone: LA, at: '2019-05-20T11:59:00-07:00', room: 'winchester', want: false },
    { s: lunch, zone: LA, at: '2019-05-20T12:00:00-07:00', room: 'winchester', want: true },
    { s: lunch, zone: LA, at: '2019-05-20T13:29:00-07:00', room: 'winchester', want: true },
    { s: lunch, zone: LA, at: '2019-05-20T13:30:00-07:00', room: 'winchester', want: false },
    // the same instant written in UTC: venue wall time decides, not the offset written
    { s: lunch, zone: LA, at: '2019-05-20T19:15:00Z', room: 'winchester', want: true },
    { s: lunch, zone: LA, at: '2019-05-20T12:15:00Z', room: 'winchester', want: false },
    // the lobby (no room) too
    { s: lunch, zone: LA, at: '2019-05-20T12:30:00-07:00', room: null, want: true },
    // past midnight: the part after 00:00 belongs to the day the window started on
    { s: night, zone: BERLIN, at: '2018-12-27T21:59:00+01:00', room: null, want: false },
    { s: night, zone: BERLIN, at: '2018-12-27T23:00:00+01:00', room: null, want: true },
    { s: night, zone: BERLIN, at: '2018-12-28T01:59:00+01:00', room: null, want: true },
    { s: night, zone: BERLIN, at: '2018-12-28T02:00:00+01:00', room: null, want: false },
    { s: night, zone: BERLIN, at: '2018-12-28T23:00:00+01:00', room: null, want: false },
    { s: night, zone: BERLIN, at: '2018-12-27T01:00:00+01:00', room: null, want: false },
    // rooms limit room screens only
    { s: rooms, zone: LA, at: '2019-05-20T10:00:00-07:00', room: 'winchester', want: true },
    { s: rooms, zone: LA, at: '2019-05-20T10:00:00-07:00', room: 'magnolia', want: false },
    { s: rooms, zone: LA, at: '2019-05-20T10:00:00-07:00', room: null, want: true },
    // days are venue dates: 2019-05-21 03:00 UTC is still the 20th in Santa Clara
    { s: day, zone: LA, at: '2019-05-21T03:00:00Z', room: null, want: true },
    { s: day, zone: LA, at: '2019-05-21T07:30:00Z', room: null, want: false },
    { s: day, zone: LA, at: '2019-05-19T23:59:00-07:00', room: null, want: false },
    // a DST night: 02:30 does not exist on 2019-03-31 in Berlin; from 02:30 starts at 03:00
    { s: { from: '02:30' }, zone: BERLIN, at: '2019-03-31T01:59:00+01:00', room: null, want: false },
    { s: { from: '02:30' }, zone: BERLIN, at: '2019-03-31T03:00:00+02:00', room: null, want: true },
    // no schedule, or an empty one: always
    { s: undefined, zone: LA, at: '2019-05-20T04:00:00-07:00', room: 'x', want: true },
    { s: {}, zone: LA, at: '2019-05-20T04:00:00-07:00', room: 'x', want: true },
  ])('$s in $zone at $at ($room) → $want', ({ s, zone, at: iso, room, want }) => {
    expect(scheduleApplies(s, { zone, at: at(iso), room })).toBe(want);
  });
});

describe('SlideSchedule', () => {
  it.each([
    { input: { from: '12:00', until: '12:00' }, path: 'until', message: 'must differ from "from"' },
    { input: { from: '12.00' }, path: 'from', message: 'like 12:00' },
    { input: { until: '24:00' }, path: 'until', message: 'like 12:00' },
    { input: { days: ['2019-02-30'] }, path: 'days.0', message: 'real date' },
    { input: { days: [] }, path: 'days', message: 'at least one day' },
    { input: { rooms: ['a b'] }, path: 'rooms.0', message: 'letters, digits' },
    { input: { form: '12:00' }, path: '', message: 'form' },
  ])('refuses $input naming $path', ({ input, path, message }) => {
    const r = SlideSchedule.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message + JSON.stringify(issue)).toContain(message);
  });
});
