import { describe, expect, it } from 'vitest';
import { gridColumns, gridWindow, pageLabel, pageRanges } from '../../../../renderer/lobby/layout.js';

const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('lobby paging', () => {
  it.each([
    { total: 75, per: 8, pages: 10, last: { start: 72, end: 75 } },
    { total: 5, per: 8, pages: 1, last: { start: 0, end: 5 } },
    { total: 8, per: 8, pages: 1, last: { start: 0, end: 8 } },
    { total: 0, per: 8, pages: 1, last: { start: 0, end: 0 } },
  ])('$total rooms, $per a page → $pages pages', ({ total, per, pages, last }) => {
    const r = pageRanges(total, per);
    expect(r).toHaveLength(pages);
    expect(r.at(-1)).toEqual(last);
  });

  it.each([
    { r: { start: 0, end: 8 }, total: 75, label: 'Rooms 1–8 of 75' },
    { r: { start: 72, end: 75 }, total: 75, label: 'Rooms 73–75 of 75' },
    { r: { start: 74, end: 75 }, total: 75, label: 'Room 75 of 75' },
    { r: { start: 0, end: 5 }, total: 5, label: null },
  ])('$r of $total → $label', ({ r, total, label }) => {
    expect(pageLabel(r, total)).toBe(label);
  });

  it.each([
    { w: 1920, h: 1080, cols: 9 },
    { w: 1080, h: 1920, cols: 5 },
    { w: 3840, h: 2160, cols: 9 },
  ])('$w×$h shows $cols room columns', ({ w, h, cols }) => {
    expect(gridColumns(w, h)).toBe(cols);
  });
});

describe('gridWindow', () => {
  const day = { from: t('2019-05-20T08:00:00-07:00'), until: t('2019-05-20T19:00:00-07:00') };
  it.each([
    { at: '2019-05-20T10:45:00-07:00', from: '2019-05-20T10:00:00-07:00' },
    { at: '2019-05-20T10:29:00-07:00', from: '2019-05-20T09:30:00-07:00' },
    { at: '2019-05-20T07:00:00-07:00', from: '2019-05-20T08:00:00-07:00' },
    { at: '2019-05-20T18:30:00-07:00', from: '2019-05-20T15:00:00-07:00' },
    { at: '2019-05-21T09:00:00-07:00', from: '2019-05-20T15:00:00-07:00' },
  ])('4 h around $at start at $from', ({ at, from }) => {
    expect(gridWindow(day, t(at), 4 * H)).toEqual({ from: t(from), until: t(from) + 4 * H });
  });

  it('shows the whole day when it fits', () => {
    expect(gridWindow(day, t('2019-05-20T12:00:00-07:00'), 12 * H)).toEqual(day);
  });
});
