import type { ProgramInput } from '../../../core/program/schema.js';

/**
 * A one-room night in Berlin across the end of summer time: on 2019-10-27 at 03:00 CEST the
 * clocks go back to 02:00 CET, so 02:00–03:00 happens twice. Every instant is written with the
 * offset it has then, as the venue would print it.
 */
export const DST_PROGRAM: ProgramInput = {
  format: 'hallway-program',
  version: 1,
  conference: {
    id: 'nightcon',
    name: 'NightCon',
    timeZone: 'Europe/Berlin',
    start: '2019-10-26',
    end: '2019-10-27',
  },
  rooms: [{ id: 'saal', name: 'Saal Eins' }],
  sessions: [
    {
      id: 'before',
      title: 'Before the change',
      kind: 'talk',
      audience: 'room',
      room: 'saal',
      start: '2019-10-27T01:00:00+02:00',
      end: '2019-10-27T02:30:00+02:00',
    },
    {
      // One real hour (00:30Z–01:30Z) that starts and ends at 2:30 on the wall.
      id: 'across',
      title: 'Across the change',
      kind: 'talk',
      audience: 'room',
      room: 'saal',
      start: '2019-10-27T02:30:00+02:00',
      end: '2019-10-27T02:30:00+01:00',
    },
    {
      id: 'after',
      title: 'After the change',
      kind: 'talk',
      audience: 'room',
      room: 'saal',
      start: '2019-10-27T02:30:00+01:00',
      end: '2019-10-27T03:30:00+01:00',
    },
  ],
};
