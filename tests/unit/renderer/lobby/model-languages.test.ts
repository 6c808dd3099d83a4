import { describe, expect, it } from 'vitest';
import { de } from '../../../../renderer/lib/i18n/de.js';
import { en, type Messages } from '../../../../renderer/lib/i18n/en.js';
import { ja } from '../../../../renderer/lib/i18n/ja.js';
import { pageLabel } from '../../../../renderer/lobby/layout.js';
import { changeNotes, nowNextRows } from '../../../../renderer/lobby/model.js';
import { afterOverrides, opml19, t, twoDays } from '../../core/fixtures.js';

// The lobby board in each shipped language (issue 14).
const M: Record<string, Messages> = { en, de, ja };
const mini = twoDays();

describe('lobby now & next rows in each language', () => {
  it.each([
    ['de', '2024-06-10T09:45:00+02:00', '10:00 · in 15 Min.'],
    ['ja', '2024-06-10T09:45:00+02:00', '10:00・15分後'],
    ['de', '2024-06-10T19:00:00+02:00', 'Morgen, 10:00'],
    ['ja', '2024-06-10T19:00:00+02:00', '明日 10:00'],
  ])('%s at %s: next %s', (lang, at, want) => {
    const [row] = nowNextRows(mini, [mini.rooms[0]!], t(at), M[lang]);
    expect(row?.next?.when).toBe(want);
  });

  it.each([
    ['de', 'bis 12:30'],
    ['ja', '12:30まで'],
  ])('%s: the session on now, until when', (lang, until) => {
    const opml = opml19();
    const [row] = nowNextRows(
      opml,
      [opml.rooms.find((r) => r.id === 'winchester')!],
      t('2019-05-20T11:00:00-07:00'),
      M[lang],
    );
    expect(row?.now?.when).toBe(until);
  });
});

describe("a cell's change notes in each language", () => {
  const opml = opml19();
  const changed = afterOverrides(
    opml,
    { kind: 'cancel', session: 'tut-pm1', note: 'speaker ill' },
    { kind: 'delay', session: 'tut-pm2', minutes: 10 },
  );
  const s = (id: string) => ({ ...changed.sessions.find((x) => x.id === id)!, talkTimes: [], onNow: null });
  it.each([
    ['en', 'tut-pm1', ['Cancelled: speaker ill']],
    ['de', 'tut-pm1', ['Abgesagt: speaker ill']],
    ['ja', 'tut-pm1', ['中止：speaker ill']],
    ['de', 'tut-pm2', ['10 Min. später — jetzt 14:40']],
    ['ja', 'tut-pm2', ['10分遅れ — 14:40開始']],
  ])('%s, %s', (lang, id, want) => {
    expect(changeNotes(changed, s(id) as never, M[lang])).toEqual(want);
  });
});

describe('the page indicator in each language', () => {
  it.each([
    ['en', { start: 0, end: 8 }, 'Rooms 1–8 of 75'],
    ['de', { start: 0, end: 8 }, 'Räume 1–8 von 75'],
    ['ja', { start: 0, end: 8 }, '部屋 1–8／75'],
    ['de', { start: 74, end: 75 }, 'Raum 75 von 75'],
  ])('%s %j', (lang, range, want) => {
    expect(pageLabel(range, 75, M[lang])).toBe(want);
  });
});
