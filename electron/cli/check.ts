import { readProgramFile } from '../host/program-file.js';
import { type Command, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway check FILE [--zone Z]

Reads a program file (Hallway JSON, or any schedule \`hallway import\` reads) and prints OK
with its counts and each warning (what was assumed, naming the events), or every problem with
where it is. Exit 0 when usable, 1 when not.
  --zone Z     the venue's IANA time zone, for schedules that do not name one`;

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { zone: { type: 'string' } });
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? 'give one file only' : 'give the file to check');
    const file = positionals[0] as string;
    let result;
    try {
      result = await readProgramFile(file, values.zone ? { zone: values.zone } : {});
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
    const { program, notes } = result;
    const talks = program.sessions.reduce((n, s) => n + s.talks.length, 0);
    const { start, end, timeZone } = program.conference;
    const dates = start === end ? start : `${start} to ${end}`;
    io.out(
      `OK: ${program.sessions.length} sessions, ${talks} talks, ${program.rooms.length} rooms, zone ${timeZone}, ${dates}`,
    );
    for (const note of notes) io.out(`warning: ${note}`);
    return 0;
  },
};
