import { describe, expect, it } from 'vitest';
import { DEFAULT_LOBBY_LOOP, DEFAULT_ROOM_LOOP, loopFor } from '../../../../core/settings/loop.js';
import { parseSettings } from '../../../../core/settings/parse.js';
import { DEFAULT_SETTINGS } from '../../../../core/settings/schema.js';

const HASH = 'a'.repeat(64);
const logo = (name: string) => ({ image: { hash: HASH, ext: 'png', width: 400, height: 200 }, name });
const wifi = { type: 'text', id: 'wifi', heading: 'Wi-Fi', lines: ['Network: 35C3'] };

describe('the loop and custom slides in the settings', () => {
  it('defaults to the loops the screens always had', () => {
    expect(DEFAULT_SETTINGS.loop).toEqual({ room: DEFAULT_ROOM_LOOP, rooms: {}, lobby: DEFAULT_LOBBY_LOOP });
    expect(DEFAULT_SETTINGS.slides).toEqual([]);
  });

  it('gives a room its own loop where it has one, else every room’s', () => {
    const r = parseSettings({ loop: { rooms: { borg: [{ slide: 'now', seconds: 30 }] } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(loopFor(r.settings.loop, 'borg')).toEqual([{ slide: 'now', seconds: 30 }]);
    expect(loopFor(r.settings.loop, 'eliza')).toEqual(DEFAULT_ROOM_LOOP);
    expect(loopFor(r.settings.loop, null)).toEqual(DEFAULT_LOBBY_LOOP);
  });

  it('takes text, image and QR slides a loop names', () => {
    const r = parseSettings({
      slides: [
        wifi,
        {
          type: 'image',
          id: 'sponsors',
          heading: 'Sponsors',
          tiers: [{ name: 'Gold', logos: [logo('Acme')] }],
        },
        { type: 'qr', id: 'stream', heading: 'Stream', url: 'https://streaming.media.ccc.de/35c3' },
      ],
      loop: {
        room: [
          { slide: 'now', seconds: 20 },
          { slide: 'custom:wifi', seconds: 10 },
        ],
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings.slides.map((s) => s.type)).toEqual(['text', 'image', 'qr']);
  });

  it.each<[string, unknown, string, string]>([
    [
      'an unknown custom slide',
      { loop: { room: [{ slide: 'custom:wifi', seconds: 10 }] } },
      'loop.room[0].slide',
      'names custom slide "wifi"',
    ],
    [
      'an unknown custom slide in a room’s loop',
      { loop: { rooms: { borg: [{ slide: 'custom:map', seconds: 10 }] } } },
      'loop.rooms.borg[0].slide',
      '"slides" does not have',
    ],
    [
      'a slide twice',
      {
        loop: {
          lobby: [
            { slide: 'grid', seconds: 10 },
            { slide: 'grid', seconds: 5 },
          ],
        },
      },
      'loop.lobby[1].slide',
      'in this loop twice',
    ],
    ['an empty loop', { loop: { room: [] } }, 'loop.room', 'at least one slide'],
    ['too short', { loop: { room: [{ slide: 'now', seconds: 1 }] } }, 'loop.room[0].seconds', 'at least 3'],
    [
      'a bad slide name',
      { loop: { room: [{ slide: 'Now!', seconds: 10 }] } },
      'loop.room[0].slide',
      'like "now"',
    ],
    ['a type', { slides: [{ ...wifi, type: 'video' }] }, 'slides[0].type', '"text", "image" or "qr"'],
    ['no lines', { slides: [{ ...wifi, lines: [] }] }, 'slides[0].lines', 'at least one line'],
    ['two slides with one id', { slides: [wifi, wifi] }, 'slides[1].id', 'the id of two slides'],
    [
      'a QR without a web link',
      { slides: [{ type: 'qr', id: 'q', heading: 'Q', url: 'javascript:alert(1)' }] },
      'slides[0].url',
      'http:// or https://',
    ],
    [
      'an image not uploaded',
      {
        slides: [
          {
            type: 'image',
            id: 'm',
            heading: 'Map',
            layout: 'map',
            tiers: [{ logos: [{ ...logo('Map'), image: { hash: 'x', ext: 'png', width: 1, height: 1 } }] }],
          },
        ],
      },
      'slides[0].tiers[0].logos[0].image.hash',
      'upload the image first',
    ],
    [
      'an empty tier',
      { slides: [{ type: 'image', id: 'm', heading: 'Map', tiers: [{ logos: [] }] }] },
      'slides[0].tiers[0].logos',
      'at least one image',
    ],
    [
      'a schedule time',
      { slides: [{ ...wifi, schedule: { from: '9am' } }] },
      'slides[0].schedule.from',
      'like 12:00',
    ],
  ])('refuses %s, naming the field', (_what, input, path, message) => {
    const r = parseSettings(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
