import { readFile } from 'node:fs/promises';
import { isHallwayProgram } from '../../core/import/sniff.js';
import type { ImportFormat } from '../../core/import/types.js';
import { parseProgram } from '../../core/program/parse.js';
import type { StoredProgram } from '../../core/program/schema.js';

/** 'hallway' or one of the importers' formats (core/import/registry.ts lists them). */
export type ProgramFileFormat = ImportFormat | 'hallway';

export interface ReadProgramOptions {
  /** Skip detection: read the file as this format. */
  format?: ProgramFileFormat;
  /** Venue zone for schedules that do not state one (ignored for Hallway programs). */
  zone?: string;
}

/** A program file that cannot be used; `problems` holds every reason, each with its place. */
export class ProgramFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(
      `${path}: cannot use this program file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ProgramFileError';
  }
}

/**
 * A program from a file in any format we read: our own JSON, frab/Pentabarf XML,
 * c3voc/pretalx schedule.json or iCalendar, told apart by content. `notes` says what the
 * import assumed (the zone it guessed, rooms it named, overlaps it kept).
 */
export async function readProgramFile(
  path: string,
  opts: ReadProgramOptions = {},
): Promise<{ program: StoredProgram; notes: string[] }> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'not allowed to read it'
            : (e as Error).message;
    throw new ProgramFileError(path, [`(file): ${why}`]);
  }
  return readProgramText(text, path, opts);
}

/**
 * The same from text already read (a fetched or uploaded schedule): `label` names it in the
 * errors. Throws ProgramFileError with every problem.
 */
export async function readProgramText(
  text: string,
  label: string,
  opts: ReadProgramOptions = {},
): Promise<{ program: StoredProgram; notes: string[] }> {
  text = text.replace(/^\uFEFF/, '');
  // Our own JSON, the usual case, is told apart without loading any importer.
  let format = opts.format ?? (isHallwayProgram(text) ? 'hallway' : undefined);
  // The importers (an XML parser, an iCalendar parser) load only for the files that need them.
  const importers = format === 'hallway' ? null : await import('../../core/import/index.js');
  const detected = format ?? importers?.detectFormat(text) ?? null;
  // JSON that is no schedule either: parseProgram says what a Hallway program lacks.
  if (detected === null && /^\s*\{/.test(text)) format = 'hallway';
  else if (detected !== null) format = detected;
  if (format === 'hallway') {
    const notes = opts.zone ? ['--zone ignored: a Hallway program names its own zone'] : [];
    const r = parseProgram(text);
    if (!r.ok) throw new ProgramFileError(label, r.errors);
    // A program imported from a published schedule keeps the schedule's double-booked rooms
    // (35C3 has 96): the same warning as on import, not a refusal.
    if (!r.warnings.length) return { program: r.program, notes };
    const { overlapNote } = await import('../../core/import/index.js');
    return { program: r.program, notes: [...notes, overlapNote(r.warnings)] };
  }
  const { importSchedule } = importers ?? (await import('../../core/import/index.js'));
  const r = importSchedule(text, {
    ...(format ? { format } : {}),
    ...(opts.zone ? { zone: opts.zone } : {}),
  });
  if (!r.ok) throw new ProgramFileError(label, r.errors);
  return { program: r.program, notes: r.notes };
}
