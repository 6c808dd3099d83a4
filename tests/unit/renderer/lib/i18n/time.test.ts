import { describe, expect, it } from 'vitest';
import {
  conferenceDates,
  dayFrom,
  dayLine,
  delayLine,
  startsLabel,
} from '../../../../../renderer/lib/format.js';
import { de } from '../../../../../renderer/lib/i18n/de.js';
import { en, type Messages } from '../../../../../renderer/lib/i18n/en.js';
import { ja } from '../../../../../renderer/lib/i18n/ja.js';
import { clockIn } from '../../../../../renderer/lib/i18n/time.js';
import { opml19, t, twoDays } from '../../../core/fixtures.js';

// Dates and times follow the screen's language, in the venue's zone whatever the machine's:
// 24-hour for de and ja, weekday and month names, "in 5 Min.".
const M: Record<string, Messages> = { en, de, ja };
const opml = opml19(); // America/Los_Angeles
const mini = twoDays(); // Europe/Berlin

describe('the clock', () => {
  it.each([
    ['en', '2019-05-20T13:30:00-07:00', '1:30 PM'],
    ['de', '2019-05-20T13:30:00-07:00', '13:30'],
    ['ja', '2019-05-20T13:30:00-07:00', '13:30'],
    ['en', '2019-05-20T16:05:00Z', '9:05 AM'],
    ['de', '2019-05-20T16:05:00Z', '09:05'],
    ['ja', '2019-05-20T16:05:00Z', '9:05'],
    // 00:30 venue time, written in another offset
    ['de', '2019-05-21T09:30:00+02:00', '00:30'],
  ])('%s at %s: %s', (lang, iso, want) => {
    expect(clockIn(opml, t(iso), M[lang]!)).toBe(want);
  });
});

describe("the header's day", () => {
  it.each([
    ['en', '2019-05-20T13:30:00-07:00', 'Monday, May 20'],
    ['de', '2019-05-20T13:30:00-07:00', 'Montag, 20. Mai'],
    ['ja', '2019-05-20T13:30:00-07:00', '5月20日 月曜日'],
    // already Tuesday in Berlin, still Monday at the venue
    ['de', '2019-05-21T02:00:00+02:00', 'Montag, 20. Mai'],
  ])('%s at %s: %s', (lang, iso, want) => {
    expect(dayLine(opml, t(iso), M[lang]!)).toBe(want);
  });
});

describe('when a next session starts, from the instant asked about', () => {
  it.each([
    ['en', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T09:55:00+02:00', 'in 5 min'],
    ['de', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T09:55:00+02:00', 'in 5 Min.'],
    ['ja', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T09:55:00+02:00', '5分後'],
    ['en', mini, '2024-06-10T13:30:00+02:00', '2024-06-10T10:00:00+02:00', 'in 3 h 30 min'],
    ['de', mini, '2024-06-10T13:30:00+02:00', '2024-06-10T10:00:00+02:00', 'in 3 Std. 30 Min.'],
    ['ja', mini, '2024-06-10T13:30:00+02:00', '2024-06-10T10:00:00+02:00', '3時間30分後'],
    ['de', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T04:00:00+02:00', 'in 6 Std.'],
    ['ja', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T04:00:00+02:00', '6時間後'],
    ['en', mini, '2024-06-10T10:00:00+02:00', '2024-06-10T10:00:00+02:00', 'now'],
    ['de', mini, '2024-06-10T10:00:00+02:00', '2024-06-10T10:00:00+02:00', 'jetzt'],
    ['ja', mini, '2024-06-10T10:00:00+02:00', '2024-06-10T10:00:00+02:00', 'まもなく'],
    // another day says the day, in words, with the clock of the language
    ['de', mini, '2024-06-11T10:00:00+02:00', '2024-06-10T19:00:00+02:00', 'Morgen, 10:00'],
    ['ja', mini, '2024-06-11T10:00:00+02:00', '2024-06-11T01:00:00+02:00', '明日 10:00'],
    ['de', opml, '2019-05-20T10:30:00-07:00', '2019-05-15T12:00:00-07:00', 'Montag, 10:30'],
    ['ja', opml, '2019-05-20T10:30:00-07:00', '2019-05-15T12:00:00-07:00', '月曜日 10:30'],
    ['de', opml, '2019-05-20T10:30:00-07:00', '2019-05-01T12:00:00-07:00', 'Montag, 20. Mai, 10:30'],
    ['ja', opml, '2019-05-20T10:30:00-07:00', '2019-05-01T12:00:00-07:00', '5月20日（月） 10:30'],
  ])('%s: %#', (lang, p, start, at, want) => {
    expect(startsLabel(p, start, t(at), M[lang]!)).toBe(want);
  });

  it.each([
    ['de', '2024-06-11T10:00:00+02:00', '2024-06-10T09:00:00+02:00', 'Morgen'],
    ['ja', '2024-06-11T10:00:00+02:00', '2024-06-10T09:00:00+02:00', '明日'],
    ['ja', '2024-06-10T23:30:00+02:00', '2024-06-10T09:00:00+02:00', null],
  ])('%s: dayFrom(%s, at %s) = %s', (lang, start, at, want) => {
    expect(dayFrom(mini, start, t(at), M[lang]!)).toBe(want);
  });
});

describe("the conference's dates", () => {
  const days = (start: string, end: string) => ({ ...opml, conference: { ...opml.conference, start, end } });
  it.each([
    ['en', '2019-05-20', '2019-05-20', 'May 20, 2019'],
    ['de', '2019-05-20', '2019-05-20', '20. Mai 2019'],
    ['ja', '2019-05-20', '2019-05-20', '2019年5月20日'],
    ['en', '2018-12-27', '2018-12-30', 'December 27–30, 2018'],
    ['de', '2018-12-27', '2018-12-30', '27.–30. Dezember 2018'],
    ['ja', '2018-12-27', '2018-12-30', '2018年12月27日～30日'],
    ['de', '2019-05-31', '2019-06-02', '31. Mai – 2. Juni 2019'],
    ['ja', '2019-05-31', '2019-06-02', '2019年5月31日～6月2日'],
  ])('%s %s to %s: %s', (lang, start, end, want) => {
    expect(conferenceDates(days(start, end), M[lang]!)).toBe(want);
  });
});

describe('a delay, with the new start in the language', () => {
  const s = opml.sessions.find((x) => x.start === '2019-05-20T10:30:00-07:00')!;
  it.each([
    ['en', 10, 'Running 10 min late — now 10:30 AM'],
    ['de', 10, '10 Min. später — jetzt 10:30'],
    ['ja', 10, '10分遅れ — 10:30開始'],
    ['en', -5, 'Running 5 min early — now 10:30 AM'],
    ['de', -5, '5 Min. früher — jetzt 10:30'],
    ['ja', -5, '5分繰り上げ — 10:30開始'],
  ])('%s, %i min', (lang, minutes, want) => {
    expect(delayLine(opml, { ...s, delayMinutes: minutes }, M[lang]!)).toBe(want);
  });
});
