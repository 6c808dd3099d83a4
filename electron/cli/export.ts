import { writeFile } from 'node:fs/promises';
import { exportC3vocJson, exportIcal } from '../../core/export/index.js';
import { applyOverrides, asEffective } from '../../core/overrides/apply.js';
import type { Program } from '../../core/program/schema.js';
import { defaultProgramPath } from '../host/paths.js';
import { readProgramFile } from '../host/program-file.js';
import { programInForce } from '../host/programs.js';
import { readStoreFile } from '../host/store.js';
import { type Command, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway export [--format json|ics] [--program FILE] [--data DIR] [-o FILE]

Writes the effective schedule (the program with the stored overrides applied: delays, moves,
cancellations) as a c3voc schedule.json or an iCalendar file.
  --format F      json (c3voc schedule.json, the default) or ics
  --program FILE  the program the host serves (any format we read; default: data/opml19.json)
  --data DIR      the host's data dir whose overrides to apply (read only; without it: none)
  -o FILE         write here (default: print it)
Cancelled sessions: "[Cancelled] " before the title in JSON, STATUS:CANCELLED in .ics.`;

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string' },
      program: { type: 'string' },
      data: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = (values.format ?? 'json').toLowerCase();
    if (format !== 'json' && format !== 'ics')
      throw new UsageError(`--format must be json or ics (got "${values.format}")`);

    let program: Program;
    try {
      program = asEffective((await readProgramFile(values.program ?? defaultProgramPath())).program);
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
    let overrides = 0;
    if (values.data !== undefined) {
      let store;
      try {
        store = readStoreFile(values.data);
      } catch (e) {
        io.err((e as Error).message);
        return 1;
      }
      if (store === null) io.err(`note: no store in ${values.data}: exporting the program without overrides`);
      else {
        const base = programInForce(values.data, store.journal, program, (l) => io.err(`note: ${l}`));
        const applied = applyOverrides(base, store.journal);
        program = applied.program;
        overrides = store.journal.filter((e) => e.type === 'override').length;
        for (const p of applied.problems) io.err(`note: ${p}`);
      }
    }
    const text = format === 'json' ? exportC3vocJson(program) : exportIcal(program, { stamp: Date.now() });
    if (values.output === undefined) io.out(text.trimEnd());
    else {
      try {
        await writeFile(values.output, text);
      } catch (e) {
        io.err(`cannot write ${values.output}: ${(e as Error).message}`);
        return 1;
      }
    }
    const cancelled = program.sessions.filter((s) => s.cancelled).length;
    io.err(
      `exported ${program.sessions.length} sessions of ${program.conference.name} as ${format === 'json' ? 'c3voc schedule.json' : 'iCalendar'}` +
        `${values.data !== undefined ? ` with ${overrides} override(s) (${cancelled} cancelled)` : ''}${values.output ? ` → ${values.output}` : ''}`,
    );
    return 0;
  },
};
