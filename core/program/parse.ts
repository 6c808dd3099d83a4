import type { z } from 'zod';
import { EFFECTIVE_ONLY, PROGRAM_FORMAT, StoredProgramShape, type StoredProgram } from './schema.js';
import { formatHm, isValidZone, ms } from '../time/venue.js';
import { listIds } from './list-ids.js';
import { readTrackColours } from './tracks.js';

/**
 * warnings: what is kept but worth saying. Same-room overlaps are warnings, not errors: published
 * schedules have them (35C3 has 96), and the room screen still shows the one that started first.
 */
export type ParseResult =
  { ok: true; program: StoredProgram; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Validates a program (already JSON-parsed, or a raw string) and checks what the schema alone
 * cannot: a real zone, references, unique ids, times in order; double-booked rooms are warned of.
 * Every error is `path: what is wrong`, so `hallway check` can print them as they are.
 */
export function parseProgram(json: unknown): ParseResult {
  if (typeof json === 'string' && /^\s*[[{]/.test(json)) {
    try {
      json = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, errors: [`(top level): not valid JSON (${(e as Error).message})`] };
    }
  }
  const foreign = notOurFormat(json);
  if (foreign) return { ok: false, errors: [foreign] };
  const effective = effectiveOnly(json);
  if (effective.length) return { ok: false, errors: effective };
  const colours = lenientTracks(json as Record<string, unknown>);
  const parsed = StoredProgramShape.safeParse(colours.json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(issueText) };
  const errors = crossChecks(parsed.data);
  if (errors.length) return { ok: false, errors };
  return { ok: true, program: parsed.data, warnings: [...colours.warnings, ...overlaps(parsed.data)] };
}

/** A track colour that does not read is a warning, never a refusal (the screens show it without). */
function lenientTracks(json: Record<string, unknown>): { json: unknown; warnings: string[] } {
  if (!Array.isArray(json.tracks)) return { json, warnings: [] };
  const entries = (json.tracks as unknown[]).map((t, i) => {
    const o = t !== null && typeof t === 'object' ? (t as Record<string, unknown>) : {};
    return { where: `tracks[${i}]`, name: o.name, colour: o.colour };
  });
  const read = readTrackColours(entries);
  return { json: { ...json, tracks: read.tracks }, warnings: read.warnings };
}

/**
 * Fields only overrides may set, found in a file: each would show for good (an alert no undo
 * removes), so the file is refused, naming every one with its place.
 */
function effectiveOnly(json: unknown): string[] {
  const out: string[] = [];
  const has = (o: unknown, key: string) =>
    o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key);
  const say = (path: string) => out.push(`${path}: only overrides may set this; remove it from the file`);
  const top = json as Record<string, unknown>;
  for (const key of EFFECTIVE_ONLY.program) {
    const v = top[key];
    if (has(top, key) && !(Array.isArray(v) && v.length === 0)) say(key);
  }
  const rooms = Array.isArray(top.rooms) ? (top.rooms as unknown[]) : [];
  rooms.forEach((r, i) => {
    for (const key of EFFECTIVE_ONLY.room) if (has(r, key)) say(`rooms[${i}].${key}`);
  });
  const sessions = Array.isArray(top.sessions) ? (top.sessions as unknown[]) : [];
  sessions.forEach((s, i) => {
    for (const key of EFFECTIVE_ONLY.session) if (has(s, key)) say(`sessions[${i}].${key}`);
    const talks = has(s, 'talks') ? (s as { talks: unknown }).talks : [];
    if (Array.isArray(talks))
      talks.forEach((t, j) => {
        for (const key of EFFECTIVE_ONLY.talk) if (has(t, key)) say(`sessions[${i}].talks[${j}].${key}`);
      });
  });
  return out;
}

/** `sessions[12].end` from zod's path array. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(top level)';
}

function issueText(issue: z.core.$ZodIssue): string {
  let message = issue.message;
  // zod says "expected string, received undefined" for a missing field: say it plainly.
  if (issue.code === 'invalid_type' && /received undefined/.test(message))
    message = `is missing (expected ${issue.expected})`;
  return `${pathText(issue.path)}: ${message}`;
}

const IMPORT_HINT = 'convert it with `hallway import FILE`';

/** One sentence saying what a non-Hallway input looks like, or null when it claims to be ours. */
function notOurFormat(json: unknown): string | null {
  if (typeof json === 'string') {
    const head = json.trimStart();
    if (head.startsWith('<'))
      return `(top level): this is XML (a frab/Pentabarf schedule.xml?), not a Hallway program: ${IMPORT_HINT}`;
    if (head.startsWith('BEGIN:VCALENDAR'))
      return `(top level): this is an iCalendar file, not a Hallway program: ${IMPORT_HINT}`;
    return `(top level): expected a JSON object with format "${PROGRAM_FORMAT}", got text`;
  }
  if (Array.isArray(json))
    return `(top level): expected a JSON object with format "${PROGRAM_FORMAT}", got an array`;
  if (json === null || typeof json !== 'object')
    return `(top level): expected a JSON object with format "${PROGRAM_FORMAT}", got ${json === null ? 'null' : typeof json}`;
  const o = json as Record<string, unknown>;
  if (o.format === PROGRAM_FORMAT) return null;
  const schedule = o.schedule as Record<string, unknown> | undefined;
  if (schedule && typeof schedule === 'object' && 'conference' in schedule)
    return `(top level): this is a c3voc/frab/pretalx schedule.json (it has schedule.conference), not a Hallway program: ${IMPORT_HINT}`;
  if (o.format !== undefined)
    return `format: expected "${PROGRAM_FORMAT}", got ${JSON.stringify(o.format)}: not a Hallway program; ${IMPORT_HINT} if it is a schedule`;
  return `format: missing: not a Hallway program (it must say format: "${PROGRAM_FORMAT}"); ${IMPORT_HINT} if it is a published schedule`;
}

function crossChecks(p: StoredProgram): string[] {
  const errors: string[] = [];
  const zoneOk = isValidZone(p.conference.timeZone);
  if (!zoneOk)
    errors.push(
      `conference.timeZone: "${p.conference.timeZone}" is not an IANA time zone; use one like America/Los_Angeles`,
    );
  if (p.conference.end < p.conference.start)
    errors.push(`conference.end: must not be before start (${p.conference.end} < ${p.conference.start})`);
  // Times in messages are venue time when the zone is usable, else as written.
  const hm = (iso: string) => (zoneOk ? formatHm(p, ms(iso)) : iso);

  const roomAt = new Map<string, number>();
  p.rooms.forEach((r, i) => {
    const first = roomAt.get(r.id);
    if (first === undefined) roomAt.set(r.id, i);
    else errors.push(`rooms[${i}].id: "${r.id}" is also rooms[${first}].id; room ids must be unique`);
  });

  const sessionAt = new Map<string, number>();
  const talkAt = new Map<string, string>();
  p.sessions.forEach((s, i) => {
    const where = `sessions[${i}]`;
    const first = sessionAt.get(s.id);
    if (first === undefined) sessionAt.set(s.id, i);
    else errors.push(`${where}.id: "${s.id}" is also sessions[${first}].id; session ids must be unique`);
    if (s.room !== null && !roomAt.has(s.room))
      errors.push(`${where}.room: no room "${s.room}" in rooms (${listIds(p.rooms.map((r) => r.id))})`);
    if (ms(s.end) <= ms(s.start))
      errors.push(`${where}.end: must be after start (${hm(s.start)} ≥ ${hm(s.end)})`);
    s.talks.forEach((t, j) => {
      const tw = `${where}.talks[${j}]`;
      const seen = talkAt.get(t.id);
      if (seen === undefined) talkAt.set(t.id, tw);
      else errors.push(`${tw}.id: "${t.id}" is also ${seen}.id; talk ids must be unique`);
      if ((t.start === undefined) !== (t.end === undefined))
        errors.push(
          `${tw}.${t.start === undefined ? 'start' : 'end'}: is missing; give a talk both start and end, or neither`,
        );
      else if (t.start !== undefined && t.end !== undefined && ms(t.end) <= ms(t.start))
        errors.push(`${tw}.end: must be after start (${hm(t.start)} ≥ ${hm(t.end)})`);
    });
  });

  return errors;
}

/** Two sessions in one room at once: the room screen could show only one of them. */
function overlaps(p: StoredProgram): string[] {
  const hm = (iso: string) => formatHm(p, ms(iso));
  const byRoom = new Map<string, number[]>();
  p.sessions.forEach((s, i) => {
    if (s.room === null || ms(s.end) <= ms(s.start)) return;
    const list = byRoom.get(s.room) ?? [];
    list.push(i);
    byRoom.set(s.room, list);
  });
  const errors: string[] = [];
  for (const [room, idx] of byRoom) {
    idx.sort((a, b) => ms(p.sessions[a]!.start) - ms(p.sessions[b]!.start) || a - b);
    let open = -1; // the session reaching furthest so far
    for (const i of idx) {
      const s = p.sessions[i]!;
      if (open >= 0) {
        const o = p.sessions[open]!;
        if (ms(s.start) < ms(o.end)) {
          errors.push(
            `sessions[${i}].start: "${s.id}" (${hm(s.start)}–${hm(s.end)}) overlaps sessions[${open}] "${o.id}" (${hm(o.start)}–${hm(o.end)}) in room "${room}"`,
          );
        }
      }
      if (open < 0 || ms(s.end) > ms(p.sessions[open]!.end)) open = i;
    }
  }
  return errors;
}
