import type { Person } from '../../core/program/schema.js';
import type { OverrideInput } from '../../core/overrides/schema.js';
import { fromVenueInput } from './time.js';

/**
 * Form fields → the override the host is asked for. Deliberately no validation here: the host's
 * answer (the same zod schema) is the one truth, shown at the field. Empty choices are left out.
 */
export type Draft = Record<string, unknown> & { kind: OverrideInput['kind'] };

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export interface Target {
  session: string;
  /** '' = the whole session. */
  talk: string;
}

function targetOf(t: Target): { session?: string; talk?: string } {
  return opt(t.talk) !== undefined ? { talk: t.talk } : { session: opt(t.session) };
}

export function cancelDraft(t: Target, note: string): Draft {
  return { kind: 'cancel', ...targetOf(t), note: opt(note) };
}

/** A number box's value (Svelte binds a number, or null when empty); unreadable → null. */
export function numberOf(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const n = Number(v);
  return Number.isNaN(n) ? null : n;
}

/** `minutes` as typed: an empty or non-numeric box goes as null so the host names the field. */
export function delayDraft(session: string, minutes: number | string | null, cascade: boolean): Draft {
  return { kind: 'delay', session: opt(session), minutes: numberOf(minutes), cascade: cascade || undefined };
}

export function moveDraft(session: string, room: string, force: boolean): Draft {
  return { kind: 'move', session: opt(session), room: opt(room), force: force || undefined };
}

export interface EditFields {
  title: string;
  speakers: string;
  note: string;
}

/** Only what staff changed from the prefilled values goes to the host. */
export function editDraft(
  t: Target,
  now: EditFields,
  was: EditFields,
  wasSpeakers: readonly Person[],
): Draft {
  const d: Draft = { kind: 'edit', ...targetOf(t) };
  if (now.title.trim() !== was.title.trim()) d.title = now.title.trim();
  if (now.speakers.trim() !== was.speakers.trim()) d.speakers = parseSpeakers(now.speakers, wasSpeakers);
  if (now.note.trim() !== was.note.trim()) d.note = now.note.trim();
  return d;
}

export function nowSpeakingDraft(session: string, talk: string): Draft {
  return { kind: 'now-speaking', session: opt(session), talk: opt(talk) };
}

export function announceDraft(
  text: string,
  rooms: readonly string[],
  from: string,
  until: string,
  zone: string,
): Draft {
  return {
    kind: 'announce',
    text,
    rooms: rooms.length > 0 ? [...rooms] : undefined,
    from: opt(from) === undefined ? undefined : (fromVenueInput(from, zone) ?? from),
    until: opt(until) === undefined ? undefined : (fromVenueInput(until, zone) ?? until),
  };
}

export function alertDraft(text: string): Draft {
  return { kind: 'alert', text };
}

/** One speaker a line: `Name (Affiliation)`. */
export function formatSpeakers(people: readonly Person[]): string {
  return people.map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join('\n');
}

/** Lines back to people, keeping role and bio of a speaker whose name did not change. */
export function parseSpeakers(text: string, was: readonly Person[] = []): Person[] {
  const out: Person[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(trimmed);
    const name = (m ? m[1] : trimmed)?.trim() ?? '';
    const affiliation = m?.[2]?.trim() || undefined;
    const before = was.find((p) => p.name === name);
    const person: Person = { ...before, name };
    if (affiliation) person.affiliation = affiliation;
    else delete person.affiliation;
    out.push(person);
  }
  return out;
}

/** The kinds the override form sends; a room's status is one tap in the Rooms panel. */
export type FormKind = Exclude<OverrideInput['kind'], 'room-status'>;

/** Fields of each form, for placing the host's problems. */
export const FORM_FIELDS: Record<FormKind, string[]> = {
  cancel: ['session', 'talk', 'note'],
  delay: ['session', 'minutes', 'cascade'],
  move: ['session', 'room', 'force'],
  edit: ['session', 'talk', 'title', 'speakers', 'note'],
  'now-speaking': ['session', 'talk'],
  announce: ['text', 'rooms', 'from', 'until'],
  alert: ['text'],
};
