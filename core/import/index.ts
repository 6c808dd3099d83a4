import { parseProgram } from '../program/parse.js';
import { buildProgram } from './build.js';
import { describeUnknown, detectFormat } from './detect.js';
import { importerFor } from './registry.js';
import type { ImportOptions, ImportResult } from './types.js';

export { detectFormat, describeUnknown, type DetectedFormat } from './detect.js';
export { IMPORTERS, IMPORT_FORMATS, formatNamed, type ImportFormat } from './registry.js';
export type { ImportOptions, ImportResult } from './types.js';
export { htmlToText } from './text.js';
export { parseDuration } from './duration.js';

/** The note that stands in for a program's overlap warnings. */
export function overlapNote(overlaps: readonly string[]): string {
  return `${overlaps.length} same-room overlap(s), kept as the file has them: ${overlaps.slice(0, 3).join('; ')}${overlaps.length > 3 ? '; …' : ''}`;
}

/**
 * A published schedule (frab XML, c3voc/pretalx JSON, Sessionize JSON, iCalendar) as a Hallway
 * program. Pure: text in, program out. A schedule with usable events is imported: what is odd
 * about an event is assumed away and said in the notes, naming the event; only what cannot be
 * read as a time refuses the file, every such problem at once, each with its place in the file.
 * Same-room overlaps are real in published schedules (35C3 has dozens): kept, and noted.
 */
export function importSchedule(text: string, opts: ImportOptions = {}): ImportResult {
  const format = opts.format ?? detectFormat(text);
  if (format === null) return { ok: false, errors: [`(file): ${describeUnknown(text)}`] };
  if (format === 'hallway')
    return { ok: false, errors: ['(file): this is already a Hallway program: nothing to import'] };
  const read = importerFor(format).read(text);
  if (read.errors.length) return { ok: false, errors: read.errors };
  // An empty schedule is a wrong or truncated export far more often than a real conference.
  if (read.schedule.events.length === 0)
    return {
      ok: false,
      errors: [
        `(file): the schedule has no events: nothing for the screens to show; export the full schedule${read.notes.length ? ` (${read.notes.join('; ')})` : ''}`,
      ],
    };
  const built = buildProgram(read.schedule, opts);
  const notes = [...read.notes, ...built.notes];
  if (!built.program) return { ok: false, errors: built.errors };

  const checked = parseProgram(built.program);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  if (checked.warnings.length) notes.push(overlapNote(checked.warnings));
  return { ok: true, program: checked.program, notes };
}
