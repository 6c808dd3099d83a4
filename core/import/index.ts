import { parseProgram } from '../program/parse.js';
import { buildProgram } from './build.js';
import { readC3vocJson } from './c3voc-json.js';
import { describeUnknown, detectFormat } from './detect.js';
import { readFrabXml } from './frab-xml.js';
import { readIcal } from './ical.js';
import type { ImportFormat, ImportOptions, ImportResult, ReadResult } from './types.js';

export { detectFormat, describeUnknown, type DetectedFormat } from './detect.js';
export { IMPORT_FORMATS, type ImportFormat, type ImportOptions, type ImportResult } from './types.js';
export { htmlToText } from './text.js';
export { parseDuration } from './duration.js';

const READERS: Record<ImportFormat, (text: string) => ReadResult> = {
  'frab-xml': readFrabXml,
  'c3voc-json': readC3vocJson,
  ical: readIcal,
};

/** The note that stands in for a program's overlap warnings. */
export function overlapNote(overlaps: readonly string[]): string {
  return `${overlaps.length} same-room overlap(s), kept as the file has them: ${overlaps.slice(0, 3).join('; ')}${overlaps.length > 3 ? '; …' : ''}`;
}

/**
 * A published schedule (frab XML, c3voc/pretalx JSON, iCalendar) as a Hallway program.
 * Pure: text in, program out. Every problem is reported at once, each with its place in the file.
 * Same-room overlaps are real in published schedules (35C3 has dozens): they are kept and
 * listed in the notes, not refused.
 */
export function importSchedule(text: string, opts: ImportOptions = {}): ImportResult {
  const format = opts.format ?? detectFormat(text);
  if (format === null) return { ok: false, errors: [`(file): ${describeUnknown(text)}`] };
  if (format === 'hallway')
    return { ok: false, errors: ['(file): this is already a Hallway program: nothing to import'] };
  const read = READERS[format](text);
  if (read.errors.length) return { ok: false, errors: read.errors };
  // An empty schedule is a wrong or truncated export far more often than a real conference.
  if (read.schedule.events.length === 0)
    return {
      ok: false,
      errors: [
        '(file): the schedule has no events: nothing for the screens to show; export the full schedule',
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
