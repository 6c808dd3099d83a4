/**
 * Every OpML '19 room at instants across the day: what is on, what is next, what the screen says.
 * Expectations are written out from the program, not recomputed with core. Shared by the Chromium
 * spec (room-day.spec.ts) and the Firefox/WebKit one (tests/cross-engine/).
 */
export const SC = 'santa-clara-ballroom';
export const W = 'winchester';
export const S = 'stevens-creek';
export const L = 'lawrence-san-tomas-lafayette';
export const M = 'magnolia';

export type RoomDayCase = {
  at: string;
  room: string;
  /** Session ids on the room screen (data-current, data-next), '' for none. */
  current: string;
  next: string;
  /** Text the room's now slide shows. */
  says: string;
};
export const day = (hm: string) => `2019-05-20T${hm}:00-07:00`;
export const ROOM_DAY: RoomDayCase[] = [
  ...[SC, W, S, L, M].map((room, i) => ({
    at: day('07:30'),
    room,
    current: '',
    next: ['keynote', 't1-production', 't2-deep-learning', 'tut-am', 'lunch'][i]!,
    says: "OpML '19 starts Monday, May 20 at 8:00 AM",
  })),
  { at: day('08:30'), room: W, current: '', next: 't1-production', says: 'Breakfast until 9:00 AM' },
  { at: day('09:10'), room: S, current: '', next: 't2-deep-learning', says: 'Opening Remarks until 9:15 AM' },
  { at: day('09:30'), room: SC, current: 'keynote', next: '', says: 'Keynote Address' },
  { at: day('09:30'), room: L, current: '', next: 'tut-am', says: 'Keynote now in the Santa Clara Ballroom' },
  { at: day('10:15'), room: W, current: '', next: 't1-production', says: 'Break until 10:30 AM' },
  {
    at: day('10:15'),
    room: W,
    current: '',
    next: 't1-production',
    says: 'Next here: Production Experiences and Learnings',
  },
  {
    at: day('11:00'),
    room: W,
    current: 't1-production',
    next: 'tut-pm1',
    says: 'Production Experiences and Learnings',
  },
  {
    at: day('11:00'),
    room: S,
    current: 't2-deep-learning',
    next: 't2-pm1',
    says: 'Chair: Boris Tvaroska, Lenovo',
  },
  { at: day('11:00'), room: L, current: 'tut-am', next: 't1-pm1', says: 'Tutorials Track' },
  { at: day('11:00'), room: SC, current: '', next: '', says: 'Done for today in this room' },
  { at: day('11:00'), room: M, current: '', next: 'lunch', says: 'Nothing here until 12:30 PM' },
  { at: day('12:45'), room: M, current: 'lunch', next: '', says: 'Conference Luncheon' },
  {
    at: day('12:45'),
    room: S,
    current: '',
    next: 't2-pm1',
    says: 'Lunch in the Magnolia Room until 1:30 PM',
  },
  {
    at: day('14:00'),
    room: S,
    current: 't2-pm1',
    next: 't2-pm2',
    says: 'Handling Heterogeneity, Distribution, and Scale',
  },
  { at: day('14:00'), room: L, current: 't1-pm1', next: 't1-pm2', says: 'How the Experts Do It' },
  { at: day('14:00'), room: W, current: 'tut-pm1', next: 'tut-pm2', says: 'Tutorials Track' },
  { at: day('14:00'), room: M, current: '', next: '', says: 'Done for today in this room' },
  {
    at: day('15:00'),
    room: S,
    current: 't2-pm2',
    next: 't2-pm3',
    says: 'Measuring and Diagnosing Production ML',
  },
  { at: day('15:45'), room: L, current: '', next: 't1-pm3', says: 'Break until 4:00 PM' },
  { at: day('16:30'), room: L, current: 't1-pm3', next: '', says: 'Optimizing and Tuning' },
  { at: day('16:30'), room: S, current: 't2-pm3', next: '', says: 'Solutions and Platforms' },
  { at: day('18:30'), room: W, current: '', next: '', says: 'Poster Session and Happy Hour until 7:00 PM' },
  { at: day('20:00'), room: S, current: '', next: '', says: "OpML '19 took place on May 20, 2019" },
];

/** "10:45 AM" from "2019-05-20T10:45:00-07:00": the wall time as written. */
export function clockOf(iso: string): string {
  const [h, m] = iso.slice(11, 16).split(':').map(Number) as [number, number];
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
