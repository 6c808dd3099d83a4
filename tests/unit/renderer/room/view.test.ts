import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import { roomView } from '../../../../renderer/room/view.js';

const opml = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const at = (iso: string) => Date.parse(iso);

describe('room status when nothing is on here', () => {
  it.each([
    {
      room: 'winchester',
      at: '2019-05-20T07:00:00-07:00',
      headline: "OpML '19 starts Monday, May 20 at 8:00 AM",
    },
    { room: 'winchester', at: '2019-05-20T10:10:00-07:00', headline: 'Break until 10:30 AM' },
    {
      room: 'stevens-creek',
      at: '2019-05-20T12:40:00-07:00',
      headline: 'Lunch in the Magnolia Room until 1:30 PM',
    },
    {
      room: 'magnolia',
      at: '2019-05-20T09:20:00-07:00',
      headline: 'Keynote now in the Santa Clara Ballroom',
    },
    {
      room: 'santa-clara-ballroom',
      at: '2019-05-20T11:00:00-07:00',
      headline: 'Done for today in this room',
    },
    { room: 'winchester', at: '2019-05-20T21:00:00-07:00', headline: "OpML '19 took place on May 20, 2019" },
  ])('$room at $at: $headline', ({ room, at: iso, headline }) => {
    expect(roomView(opml, room, at(iso)).status?.headline).toBe(headline);
  });

  it('says what comes next here during the break', () => {
    expect(roomView(opml, 'winchester', at('2019-05-20T10:10:00-07:00')).status?.detail).toBe(
      'Next here: Production Experiences and Learnings at 10:30 AM',
    );
  });

  it('has no status while a session is on here', () => {
    expect(roomView(opml, 'winchester', at('2019-05-20T11:00:00-07:00')).status).toBeNull();
  });
});

describe('room view', () => {
  it('lists the other rooms, venue-wide items first', () => {
    const v = roomView(opml, 'magnolia', at('2019-05-20T11:00:00-07:00'));
    expect(v.elsewhere.map((e) => e.session.id)).toEqual(['t1-production', 't2-deep-learning', 'tut-am']);
  });

  it('names the sponsors of the next break', () => {
    const v = roomView(opml, 'winchester', at('2019-05-20T14:00:00-07:00'));
    expect(v.sponsors).toMatchObject({ names: ['LinkedIn'], now: false });
  });
});
