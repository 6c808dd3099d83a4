import type { Program, Session } from '../../core/program/schema.js';
import { clockAt, roomName } from './format.js';
import { en, type Messages } from './i18n/en.js';

// The room screen's status and the lobby's now & next both say what the venue is at; a module of
// its own so that the lobby's bundle does not carry the room's view with it.

/** "Break until 10:30 AM", "Lunch in the Magnolia Room until 1:30 PM", "Keynote now in the Santa Clara Ballroom". */
export function venueHeadline(p: Program, s: Session, m: Messages = en): string {
  const until = clockAt(p, s.end, m);
  const room = roomName(p, s.room);
  if (s.kind === 'break') return m.venue.break(room, until);
  if (s.kind === 'keynote') return m.venue.keynote(room);
  return m.venue.other(s.kind === 'meal' ? mealLabel(s.title, m) : s.title, room, until);
}

// Which meal a title names (matched in the program's words, said in the screen's).
const MEALS = [
  ['breakfast', /break/i],
  ['lunch', /lunch/i],
  ['dinner', /dinne/i],
  ['brunch', /brunc/i],
] as const;

function mealLabel(title: string, m: Messages): string {
  for (const [meal, pattern] of MEALS) if (pattern.test(title)) return m.venue.meals[meal];
  return title;
}
