import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, type Io, processIo, UsageError } from './cli/io.js';

type Load = () => Promise<{ command: Command }>;

/** One line per command: name → [synopsis, what it does, module]. Adding a command is adding its line. */
const COMMANDS: Record<string, [string, string, Load]> = {
  check: [
    'check FILE [--zone Z]',
    'validate a program file (any format we read)',
    () => import('./cli/check.js'),
  ],
  export: [
    'export [--format json|ics] [-o FILE]',
    'write the effective schedule as schedule.json or .ics',
    () => import('./cli/export.js'),
  ],
  import: [
    'import FILE [--zone Z] [-o FILE]',
    'convert a frab/pretalx/Sessionize/iCalendar schedule to a program',
    () => import('./cli/import.js'),
  ],
  now: ['now --room NAME|ID [--at ISO]', 'what is on in a room, and next', () => import('./cli/now.js')],
  serve: [
    'serve [--program FILE] [--port N]',
    'run the host for the screens',
    () => import('./cli/serve.js'),
  ],
  settings: [
    'settings export|import FILE',
    "write or read the screens' settings (theme, rooms) as a file",
    () => import('./cli/settings.js'),
  ],
  token: [
    'token [--data DIR] [--rotate]',
    'print (or replace) the admin token',
    () => import('./cli/token.js'),
  ],
};

function usage(): string {
  const rows = Object.values(COMMANDS);
  const width = Math.max(...rows.map(([synopsis]) => synopsis.length));
  const lines = rows.map(([synopsis, what]) => `  hallway ${synopsis.padEnd(width)}  ${what}`);
  return [
    'Usage: hallway <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'hallway <command> --help for its options.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]?.[2] : undefined;
  if (!load) {
    io.err(`hallway: unknown command "${name}"\n`);
    io.err(usage());
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`hallway ${name}: ${e.message}\n`);
      io.err(command.usage);
      return 2;
    }
    io.err(`hallway ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
const self = fileURLToPath(import.meta.url);
// Run when started as the program (bin/hallway.mjs imports this module for that purpose).
if (invoked === self || invoked.endsWith('bin/hallway.mjs') || invoked.endsWith('bin\\hallway.mjs')) {
  process.exitCode = await main(process.argv.slice(2));
}
