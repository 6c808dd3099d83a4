import { DateTime } from 'luxon';
import type { SlideSchedule } from './schedule.js';

/**
 * Whether a slide's schedule (core/slides/schedule.ts) applies at an instant. Pure, and free of
 * zod: screens load it (schemas only as types there).
 */

/** Where and when a screen asks: the venue's zone, the instant, the room it shows (null: the lobby). */
export interface ScreenMoment {
  zone: string;
  at: number;
  room: string | null;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function scheduleApplies(s: SlideSchedule | undefined, m: ScreenMoment): boolean {
  if (!s) return true;
  if (s.rooms && m.room !== null && !s.rooms.includes(m.room)) return false;
  const wall = DateTime.fromMillis(m.at, { zone: m.zone });
  if (!wall.isValid) return false;
  const t = wall.hour * 60 + wall.minute;
  const from = s.from === undefined ? 0 : minutesOf(s.from);
  const until = s.until === undefined ? 24 * 60 : minutesOf(s.until);
  let day = wall.toISODate();
  if (from < until) {
    if (t < from || t >= until) return false;
  } else {
    // 22:00–02:00: the part after midnight belongs to the day the window started on
    if (t < until) day = wall.minus({ days: 1 }).toISODate();
    else if (t < from) return false;
  }
  return !s.days || (day !== null && s.days.includes(day));
}
