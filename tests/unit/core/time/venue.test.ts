import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDay,
  isoInVenue,
  parseInstant,
  toVenue,
  venueDay,
  venueZone,
} from '../../../../core/time/venue.js';
import { opml19, t } from '../fixtures.js';

const program = opml19();
const berlin = { conference: { ...program.conference, timeZone: 'Europe/Berlin' } };

describe('venue time', () => {
  it('takes the zone from the program', () => {
    expect(venueZone(program)).toBe('America/Los_Angeles');
    expect(toVenue(program, t('2019-05-20T17:30:00Z')).zoneName).toBe('America/Los_Angeles');
  });

  // Whatever TZ the machine runs in (the suite also runs under TZ=UTC and TZ=Asia/Tokyo).
  it.each([
    ['2019-05-20T10:30:00-07:00', '10:30 AM', 'Monday, May 20', '2019-05-20T10:30:00-07:00'],
    ['2019-05-20T17:30:00Z', '10:30 AM', 'Monday, May 20', '2019-05-20T10:30:00-07:00'],
    ['2019-05-21T02:30:00+09:00', '10:30 AM', 'Monday, May 20', '2019-05-20T10:30:00-07:00'],
    ['2019-05-20T00:05:00-07:00', '12:05 AM', 'Monday, May 20', '2019-05-20T00:05:00-07:00'],
    ['2019-05-20T23:59:00-07:00', '11:59 PM', 'Monday, May 20', '2019-05-20T23:59:00-07:00'],
    ['2019-05-21T06:59:00Z', '11:59 PM', 'Monday, May 20', '2019-05-20T23:59:00-07:00'],
    ['2019-12-02T13:00:00-08:00', '1:00 PM', 'Monday, December 2', '2019-12-02T13:00:00-08:00'],
  ])('%s → %s, %s, %s', (iso, clock, day, venueIso) => {
    expect(formatClock(program, t(iso))).toBe(clock);
    expect(formatDay(program, t(iso))).toBe(day);
    expect(isoInVenue(program, t(iso))).toBe(venueIso);
  });

  it('another program, another zone', () => {
    expect(isoInVenue(berlin, t('2019-05-20T17:30:00Z'))).toBe('2019-05-20T19:30:00+02:00');
    expect(formatClock(berlin, t('2019-05-20T17:30:00Z'))).toBe('7:30 PM');
  });

  it.each([
    ['2019-05-20T10:30:00-07:00', '2019-05-20'],
    ['2019-05-20T23:30:00-07:00', '2019-05-20'],
    ['2019-05-21T03:59:00-07:00', '2019-05-20'],
    ['2019-05-21T04:00:00-07:00', '2019-05-21'],
    ['2019-05-20T03:59:00-07:00', '2019-05-19'],
    // The night clocks go back (01:59 PDT → 01:00 PST): still rolls over at 04:00 wall time.
    ['2019-11-03T03:59:00-08:00', '2019-11-02'],
    ['2019-11-03T04:00:00-08:00', '2019-11-03'],
    ['2019-03-10T03:59:00-07:00', '2019-03-09'],
    ['2019-03-10T04:00:00-07:00', '2019-03-10'],
  ])('the conference day of %s is %s (rolls over at 04:00)', (iso, day) => {
    expect(venueDay(program, t(iso))).toBe(day);
  });

  it.each([
    ['2019-05-20T10:30:00-07:00', t('2019-05-20T17:30:00Z')],
    ['2019-05-20T17:30:00Z', t('2019-05-20T17:30:00Z')],
    ['2019-05-20T17:30:00.250Z', t('2019-05-20T17:30:00Z') + 250],
    ['2019-05-20T10:30-07:00', t('2019-05-20T17:30:00Z')],
  ])('parseInstant(%s)', (iso, expected) => {
    expect(parseInstant(iso)).toBe(expected);
  });

  it('parseInstant reads offset-less input in the zone it is given', () => {
    expect(parseInstant('2019-05-20T10:30', 'America/Los_Angeles')).toBe(t('2019-05-20T10:30:00-07:00'));
  });

  it.each([
    ['2019-05-20T10:30:00', /has no UTC offset.*2019-05-20T10:30:00-07:00/],
    ['yesterday', /has no UTC offset/],
    ['2019-13-40T10:30:00Z', /is not an ISO date-time/],
  ])('parseInstant(%s) throws saying what is wrong', (iso, message) => {
    expect(() => parseInstant(iso)).toThrow(message);
  });
});
