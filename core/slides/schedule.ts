import { DateTime } from 'luxon';
import { z } from 'zod';
import { Id } from '../program/schema.js';

/**
 * When a slide applies: on which venue days, between which venue wall-clock times, on which rooms'
 * screens. Every part left out means "always". The check itself is core/slides/applies.ts.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WallTime = z.string().regex(HHMM, 'must be a venue time like 12:00 (24 h, HH:MM)');
const VenueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a venue date like 2019-05-20')
  .refine((d) => DateTime.fromISO(d).isValid, 'must be a real date, like 2019-05-20');

export const SlideSchedule = z
  .strictObject({
    /** Venue dates the slide shows on (the day its time window starts on). */
    days: z.array(VenueDate).min(1, 'must name at least one day, or be left out for every day').optional(),
    /** Venue wall time it starts showing, inclusive. */
    from: WallTime.optional(),
    /** Venue wall time it stops, exclusive; before `from` it runs past midnight into the next day. */
    until: WallTime.optional(),
    /** The room screens it shows on; left out: every room screen. The lobby ignores it. */
    rooms: z.array(Id).min(1, 'must name at least one room, or be left out for every room').optional(),
  })
  .refine((s) => s.from === undefined || s.from !== s.until, {
    message: 'must differ from "from" (an empty window never shows)',
    path: ['until'],
  });
export type SlideSchedule = z.infer<typeof SlideSchedule>;
