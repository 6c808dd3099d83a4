import { describe, expect, it } from 'vitest';
import type { OverrideInput } from '../../../../core/overrides/schema.js';
import type { Program } from '../../../../core/program/schema.js';
import { de } from '../../../../renderer/lib/i18n/de.js';
import { en, type Messages } from '../../../../renderer/lib/i18n/en.js';
import { ja } from '../../../../renderer/lib/i18n/ja.js';
import { elsewhereRows, laterRows } from '../../../../renderer/room/rows.js';
import { roomView } from '../../../../renderer/room/view.js';
import { afterOverrides, opml19, t } from '../../core/fixtures.js';

// The room screen's sentences in each shipped language (issue 14): the same facts as the English
// (tests/unit/renderer/room/changes.test.ts), said as that language says them.
const M: Record<string, Messages> = { en, de, ja };
const program = opml19();
const after = (...os: OverrideInput[]): Program => afterOverrides(program, ...os);
const cancelled = after({ kind: 'cancel', session: 'tut-pm1', note: 'The speaker is ill' });
const movedAway = after({ kind: 'move', session: 'tut-pm1', room: 'magnolia' });
const TUT1 = 'Deep Learning Lifecycle Management with Kubernetes, REST, and Python';
const TUT2 = 'ModelOps on AWS';

describe('the status panel in each language', () => {
  it.each<[string, Program, string, string, string, string | null]>([
    [
      'de',
      program,
      'winchester',
      '2019-05-20T07:00:00-07:00',
      "OpML '19 beginnt am Montag, 20. Mai um 08:00",
      'Als Nächstes hier: Production Experiences and Learnings um 10:30',
    ],
    [
      'ja',
      program,
      'winchester',
      '2019-05-20T07:00:00-07:00',
      "OpML '19は5月20日 月曜日 8:00に始まります",
      'この部屋の次のセッション：Production Experiences and Learnings（10:30から）',
    ],
    [
      'de',
      program,
      'winchester',
      '2019-05-20T10:10:00-07:00',
      'Pause bis 10:30',
      'Als Nächstes hier: Production Experiences and Learnings um 10:30',
    ],
    [
      'ja',
      program,
      'winchester',
      '2019-05-20T10:10:00-07:00',
      '休憩（10:30まで）',
      'この部屋の次のセッション：Production Experiences and Learnings（10:30から）',
    ],
    [
      'de',
      cancelled,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      'Mittagessen bis 13:30 · Magnolia Room',
      `Tutorial um 13:30 abgesagt (The speaker is ill) — Als Nächstes hier: ${TUT2} um 14:30`,
    ],
    [
      'ja',
      cancelled,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      '昼食：Magnolia Room（13:30まで）',
      `13:30のチュートリアルは中止（The speaker is ill） — この部屋の次のセッション：${TUT2}（14:30から）`,
    ],
    [
      'en',
      movedAway,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      'Lunch in the Magnolia Room until 1:30 PM',
      `1:30 PM tutorial moved to the Magnolia Room — next here: ${TUT2} at 2:30 PM`,
    ],
    [
      'de',
      movedAway,
      'winchester',
      '2019-05-20T12:40:00-07:00',
      'Mittagessen bis 13:30 · Magnolia Room',
      `Tutorial um 13:30 verlegt nach Magnolia Room — Als Nächstes hier: ${TUT2} um 14:30`,
    ],
    [
      'ja',
      movedAway,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      `Magnolia Roomに変更：${TUT1}`,
      `この部屋の次のセッション：${TUT2}（14:30から）`,
    ],
    [
      'de',
      cancelled,
      'winchester',
      '2019-05-20T13:45:00-07:00',
      `Abgesagt: ${TUT1}`,
      `The speaker is ill — Als Nächstes hier: ${TUT2} um 14:30`,
    ],
    [
      'de',
      program,
      'magnolia',
      '2019-05-20T09:20:00-07:00',
      'Jetzt Keynote · Santa Clara Ballroom',
      'Als Nächstes hier: Conference Luncheon um 12:30',
    ],
    [
      'ja',
      program,
      'santa-clara-ballroom',
      '2019-05-20T11:00:00-07:00',
      'この部屋の本日のプログラムは終了しました',
      'このあと：Conference Luncheon（12:30から・Magnolia Room）',
    ],
    ['de', program, 'winchester', '2019-05-20T21:00:00-07:00', "OpML '19 fand am 20. Mai 2019 statt", null],
    [
      'ja',
      program,
      'winchester',
      '2019-05-20T21:00:00-07:00',
      "OpML '19は2019年5月20日に開催されました",
      null,
    ],
  ])('%s, %s in %s at %s', (lang, p, room, at, headline, detail) => {
    const status = roomView(p, room, t(at), M[lang]).status;
    expect(status && { headline: status.headline, detail: status.detail }).toEqual({ headline, detail });
  });
});

describe('the list slides in each language', () => {
  it.each([
    ['de', 'Für alle', 'bis 10:30'],
    ['ja', '全体', '10:30まで'],
  ])('%s: elsewhere during the morning break', (lang, lead, where) => {
    const v = roomView(program, 'winchester', t('2019-05-20T10:15:00-07:00'), M[lang]);
    expect(elsewhereRows(program, v, undefined, M[lang])[0]).toMatchObject({ lead, where });
  });

  const late = after({ kind: 'delay', session: 'tut-pm2', minutes: 10 });
  it.each([
    ['de', '14:40', '10 Min. später — jetzt 14:40'],
    ['ja', '14:40', '10分遅れ — 14:40開始'],
  ])('%s: later today, a late session says so', (lang, time, where) => {
    const v = roomView(late, 'winchester', t('2019-05-20T11:00:00-07:00'), M[lang]);
    expect(laterRows(late, v, undefined, M[lang]).find((r) => r.key === 'tut-pm2')).toMatchObject({
      time,
      where,
    });
  });
});
