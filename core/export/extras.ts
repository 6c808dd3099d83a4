import type { Session } from '../program/schema.js';
import type { SessionExtras } from '../import/hallway-meta.js';
import { kindOf } from '../import/kind.js';
import { htmlToText, inlineText } from '../import/text.js';

/** The session fields an importer reads back from a format's own fields. */
export type Derived = Partial<Pick<Session, Exclude<keyof SessionExtras, 'synthetic' | 'id'>>>;

const FIELDS = [
  'title',
  'subtitle',
  'kind',
  'audience',
  'room',
  'track',
  'chairs',
  'sponsors',
  'talks',
  'speakers',
  'abstract',
  'language',
  'type',
  'url',
  'guid',
] as const;

/**
 * What the importer would make of an exported event, field by field, as core/import/build.ts
 * does it; the extras are then exactly the fields where that would differ from the session.
 */
export function deriveBack(e: {
  title: string;
  subtitle?: string | null;
  type?: string;
  track?: string | null;
  language?: string | null;
  abstract?: string | null;
  persons?: { name: string; bio?: string }[];
  url?: string;
  guid?: string;
  roomless: boolean;
}): Derived {
  const text = (v: string | null | undefined) => inlineText(v) || undefined;
  return {
    title: inlineText(e.title),
    subtitle: text(e.subtitle),
    kind: kindOf(e.type),
    audience: e.roomless ? 'everyone' : 'room',
    track: text(e.track),
    chairs: [],
    sponsors: [],
    talks: [],
    speakers: (e.persons ?? []).map((p) => {
      const bio = htmlToText(p.bio);
      return bio ? { name: inlineText(p.name), bio } : { name: inlineText(p.name) };
    }),
    abstract: htmlToText(e.abstract) || undefined,
    language: text(e.language),
    type: text(e.type),
    url: e.url || undefined,
    guid: e.guid || undefined,
  };
}

export function extrasFor(s: Session, derived: Derived): SessionExtras {
  const x: SessionExtras = { id: s.id };
  const synthetic: NonNullable<SessionExtras['synthetic']> = [];
  for (const f of FIELDS) {
    if (f === 'room') {
      if (s.room === null) x.room = null;
      continue;
    }
    const mine = s[f];
    if (JSON.stringify(mine) === JSON.stringify(derived[f])) continue;
    if (mine === undefined) {
      if (f === 'guid' || f === 'url' || f === 'type') synthetic.push(f);
    } else (x as Record<string, unknown>)[f] = mine;
  }
  if (synthetic.length) x.synthetic = synthetic;
  return x;
}
