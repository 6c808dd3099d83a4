import { z } from 'zod';
import { Conference, Room, Session, TrackColour } from '../program/schema.js';

/**
 * What a Hallway export adds to a c3voc schedule.json (in `conference.meta.hallway`, which the
 * c3voc schema leaves open) or to an .ics (X-HALLWAY-* properties): the parts of a program the
 * format has no field for, or that its fields would not give back exactly, so
 * import → export → import gives the same program back.
 * Other tools ignore it; our importer applies it over what it read from the format's own fields.
 */
export const SessionExtras = Session.pick({
  id: true,
  title: true,
  abstract: true,
  url: true,
  guid: true,
  kind: true,
  audience: true,
  room: true,
  chairs: true,
  sponsors: true,
  talks: true,
  speakers: true,
  subtitle: true,
  track: true,
  type: true,
  language: true,
})
  .partial()
  .extend({
    // Without their defaults: an absent list must stay absent, not become [] over what was read.
    chairs: Session.shape.chairs.unwrap().optional(),
    sponsors: Session.shape.sponsors.unwrap().optional(),
    talks: Session.shape.talks.unwrap().optional(),
    speakers: Session.shape.speakers.unwrap().optional(),
    /** Fields the export had to invent (c3voc requires a guid and a url): dropped on import. */
    synthetic: z.array(z.enum(['guid', 'url', 'type'])).optional(),
  });
export type SessionExtras = z.infer<typeof SessionExtras>;

export const HallwayMeta = z.object({
  version: z.literal(1),
  conference: Conference.partial(),
  rooms: z.array(Room),
  /** By event guid (c3voc); .ics carries them per event instead. */
  sessions: z.record(z.string(), SessionExtras).optional(),
  /** Session ids in program order (the format groups events by day and room). */
  order: z.array(z.string()).optional(),
  /** Track colours, where the format has no field for them (.ics). */
  tracks: z.array(TrackColour).optional(),
});
export type HallwayMeta = z.infer<typeof HallwayMeta>;

/** The meta, or a message saying why it is unusable (then the import goes on without it). */
export function readHallwayMeta(raw: unknown, where: string): { meta?: HallwayMeta; note?: string } {
  if (raw === undefined || raw === null) return {};
  const parsed = HallwayMeta.safeParse(raw);
  if (parsed.success) return { meta: parsed.data };
  const first = parsed.error.issues[0];
  return {
    note: `${where}: Hallway extras unreadable (${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}); imported from the schedule fields alone`,
  };
}
