import { z } from 'zod';
import { Id } from '../program/schema.js';
import { Colour } from './colour.js';

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty (leave it out instead)')
    .max(max, `must be at most ${max} characters`);

/** Where a room is and what it holds: what wayfinding and "room full" say about it. */
export const RoomDetails = z.strictObject({
  floor: line(60).optional(),
  building: line(80).optional(),
  /** A short "how to get there" ("up the stairs, second door left"). */
  directions: line(200).optional(),
  capacity: z.number().int('must be a whole number').positive('must be more than 0').max(100_000).optional(),
  /** The room that shows this one's stream when it is full ("watch it in Eliza"). */
  overflow: Id.optional(),
  /** Where to watch it when the room is full (a QR on the room's full band). */
  stream: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^https?:\/\/\S+$/i, 'must be an http:// or https:// URL')
    .optional(),
});
export type RoomDetails = z.infer<typeof RoomDetails>;

/**
 * The name of a place a screen stands at ("Entrance"): a key of the settings' `locations`, and
 * what the registry's assignment names (core/protocol/screens.ts).
 */
export const LocationName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');

/** A named place a lobby screen stands at ("Entrance"), with how to get from there to the rooms. */
export const Location = z.strictObject({
  floor: line(60).optional(),
  building: line(80).optional(),
  /** Per room id: how to get there from this location (overrides the room's own directions). */
  directions: z.record(Id, line(200)).default({}),
});
export type Location = z.infer<typeof Location>;

/** Staff's colour per track name (wins over the schedule's own track colours). */
export const TrackColours = z.record(line(500), Colour);
