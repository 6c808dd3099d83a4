import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatNamed, IMPORTERS } from '../../core/import/registry.js';
import type { StoredProgram } from '../../core/program/schema.js';
import { type ProgramFileFormat, readProgramFile } from '../host/program-file.js';
import { type Command, parseOptions, UsageError } from './io.js';

const FORMATS = IMPORTERS.map((i) => `${i.format} (${[...i.aliases].join(', ')})`).join(', ');
const FORMAT_LINES = IMPORTERS.map(
  (i) => `                 ${`${i.format} (${[...i.aliases].join(', ')})`.padEnd(38)} ${i.label}`,
).join('\n');

const usage = `Usage: hallway import FILE [--format F] [--zone Z] [-o program.json]

Reads a published schedule and writes it as a Hallway program.
  --format F   read as this format (default: found from the content, never the file name):
${FORMAT_LINES}
  --zone Z     the venue's IANA time zone (Europe/Berlin), for files that do not name one
  -o FILE      write the program here (default: print it)
Prints what it read and each warning (what it assumed, naming the events); exit 1 with every
problem when it cannot.`;

export function formatOption(raw: string | undefined): ProgramFileFormat | undefined {
  if (raw === undefined) return undefined;
  if (raw.toLowerCase() === 'hallway') return 'hallway';
  const f = formatNamed(raw);
  if (f) return f;
  throw new UsageError(`--format must be one of hallway, ${FORMATS} (got "${raw}")`);
}

export function summary(program: StoredProgram): string {
  const { start, end, timeZone, name } = program.conference;
  const dates = start === end ? start : `${start} to ${end}`;
  return `${name}: ${program.sessions.length} sessions, ${program.rooms.length} rooms, zone ${timeZone}, ${dates}`;
}

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string' },
      zone: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? 'give one file only' : 'give the schedule file to import');
    const file = positionals[0] as string;
    const format = formatOption(values.format);
    const out = values.output;
    if (out !== undefined && resolve(out) === resolve(file))
      throw new UsageError('-o names the file being imported: write the program to another file');
    let result;
    try {
      result = await readProgramFile(file, {
        ...(format ? { format } : {}),
        ...(values.zone ? { zone: values.zone } : {}),
      });
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
    const json = `${JSON.stringify(result.program, null, 2)}\n`;
    // With -o the report goes to stdout; without, stdout is the program and the report stderr.
    const report = out === undefined ? io.err : io.out;
    if (out === undefined) io.out(json.trimEnd());
    else {
      try {
        await writeFile(out, json);
      } catch (e) {
        io.err(`cannot write ${out}: ${(e as Error).message}`);
        return 1;
      }
    }
    report(`imported ${summary(result.program)}${out ? ` → ${out}` : ''}`);
    for (const note of result.notes) report(`warning: ${note}`);
    return 0;
  },
};
