import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape, type Announcement } from '../../../../core/program/schema.js';
import { activeAnnouncements } from '../../../../renderer/lib/announcements.js';

const opml = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const announcements: Announcement[] = [
  { id: 1, text: 'everyone, all day' },
  { id: 2, text: 'winchester only', rooms: ['winchester'] },
  { id: 3, text: 'from 10:00', from: '2019-05-20T10:00:00-07:00' },
  { id: 4, text: 'until 10:00', until: '2019-05-20T10:00:00-07:00' },
  {
    id: 5,
    text: 'stevens creek and winchester, 9–11',
    rooms: ['stevens-creek', 'winchester'],
    from: '2019-05-20T09:00:00-07:00',
    until: '2019-05-20T11:00:00-07:00',
  },
];
const p = { ...opml, announcements };

describe('the announcements in force', () => {
  it.each([
    { room: 'winchester', at: '2019-05-20T08:30:00-07:00', ids: [1, 2, 4] },
    { room: 'winchester', at: '2019-05-20T10:00:00-07:00', ids: [1, 2, 3, 5] },
    { room: 'stevens-creek', at: '2019-05-20T10:30:00-07:00', ids: [1, 3, 5] },
    { room: 'stevens-creek', at: '2019-05-20T11:00:00-07:00', ids: [1, 3] },
    // the lobby: only those for every room
    { room: null, at: '2019-05-20T09:30:00-07:00', ids: [1, 4] },
    { room: null, at: '2019-05-20T12:00:00-07:00', ids: [1, 3] },
  ])('$room at $at: $ids', ({ room, at, ids }) => {
    expect(activeAnnouncements(p, room, Date.parse(at)).map((a) => a.id)).toEqual(ids);
  });
});
