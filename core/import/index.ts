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

/** How many left-out events are named one by one; the rest are counted. */
const SKIPPED_NAMED = 20;

/**
 * A published schedule (frab XML, c3voc/pretalx JSON, Sessionize JSON, iCalendar) as a Hallway
 * program. Pure: text in, program out. A schedule with usable events is imported: what is odd
 * about an event is assumed away and said in the notes, naming the event; an event no time can
 * be read from is left out, named in a note; only a file with nothing usable is refused, every
 * problem at once, each with its place in the file. Same-room overlaps are real in published
 * schedules (35C3 has dozens): kept, and noted.
 */
export function importSchedule(text: string, opts: ImportOptions = {}): ImportResult {
  const format = opts.format ?? detectFormat(text);
  if (format === null) return { ok: false, errors: [`(file): ${describeUnknown(text)}`] };
  if (format === 'hallway')
    return { ok: false, errors: ['(file): this is already a Hallway program: nothing to import'] };
  const read = importerFor(format).read(text);
  if (read.errors.length) return { ok: false, errors: read.errors };
  if (read.schedule.events.length === 0)
    return {
      ok: false,
      errors: read.skipped.length
        ? [...read.skipped, NOTHING_USABLE]
        : [
            // An empty schedule is a wrong or truncated export far more often than a real conference.
            `(file): the schedule has no events: nothing for the screens to show; export the full schedule${read.notes.length ? ` (${read.notes.join('; ')})` : ''}`,
          ],
    };
  const built = buildProgram(read.schedule, opts);
  const skipped = [...read.skipped, ...built.skipped];
  if (!built.program)
    return {
      ok: false,
      errors: [...built.errors, ...(built.errors.length ? [] : [...skipped, NOTHING_USABLE])],
    };
  const notes = [...skippedNotes(skipped), ...read.notes, ...built.notes];

  const checked = parseProgram(built.program);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  if (checked.warnings.length) notes.push(overlapNote(checked.warnings));
  return { ok: true, program: checked.program, notes };
}

const NOTHING_USABLE =
  '(file): no event in it has a time that can be read: nothing for the screens to show; fix the times named above and import it again';

function skippedNotes(skipped: readonly string[]): string[] {
  if (skipped.length <= SKIPPED_NAMED) return [...skipped];
  return [
    ...skipped.slice(0, SKIPPED_NAMED),
    `and ${skipped.length - SKIPPED_NAMED} more event(s) left out because no time can be read from them`,
  ];
}
