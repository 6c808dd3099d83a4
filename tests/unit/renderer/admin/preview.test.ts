import { describe, expect, it } from 'vitest';
import { previewSrc, thumbOf } from '../../../../renderer/admin/preview.js';
import { screenInfo } from './screen-info.js';

describe('previewSrc', () => {
  it.each([
    [{ page: 'lobby' }, '/lobby?preview=1'],
    [{ page: 'winchester', slide: 'next' }, '/room/winchester?preview=1&slide=next'],
    [
      { page: 'borg room', at: '2019-05-20T14:00:00-07:00', slide: 'custom:wifi', lang: 'de' },
      '/room/borg%20room?preview=1&at=2019-05-20T14%3A00%3A00-07%3A00&slide=custom%3Awifi&lang=de',
    ],
  ])('%j → %s', (view, src) => expect(previewSrc(view)).toBe(src));
});

describe('thumbOf: a screen drawn from its own report', () => {
  it.each([
    [{ page: 'admin' as const }, null],
    [{ page: 'room' as const }, null],
    [
      { page: 'room' as const, room: 'winchester', slide: 'later', lang: 'ja' },
      { src: '/room/winchester?preview=1&slide=later&lang=ja', width: 1920, height: 1080 },
    ],
    [
      {
        page: 'room' as const,
        room: 'winchester',
        slide: 'elsewhere',
        assignment: { page: 'room' as const, room: 'winchester', location: 'Main entrance' },
      },
      { src: '/room/winchester?preview=1&slide=elsewhere&location=Main+entrance', width: 1920, height: 1080 },
    ],
    [
      { page: 'lobby' as const, slide: 'grid:1', viewport: { width: 1080, height: 1920 } },
      { src: '/lobby?preview=1&slide=grid%3A1', width: 1080, height: 1920 },
    ],
    // A viewport no screen has (a bogus report, a page zoomed to nothing) is drawn at full HD.
    [
      { page: 'lobby' as const, viewport: { width: 10, height: 100_000 } },
      { src: '/lobby?preview=1', width: 1920, height: 1080 },
    ],
  ])('%j → %j', (report, thumb) => expect(thumbOf(screenInfo(report))).toEqual(thumb));
});
