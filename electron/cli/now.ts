import { applyOverrides, asEffective } from '../../core/overrides/apply.js';
import type { Person, Program, Room } from '../../core/program/schema.js';
import { nowNext } from '../../core/schedule/now-next.js';
import type { NowNext, SessionNow } from '../../core/schedule/types.js';
import { formatClock, formatDay, parseInstant } from '../../core/time/venue.js';
import { defaultProgramPath } from '../host/paths.js';
import { readProgramFile } from '../host/program-file.js';
import { programInForce } from '../host/programs.js';
import { readStoreFile } from '../host/store.js';
import { type Command, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway now --room NAME|ID [--at ISO] [--program FILE] [--data DIR] [--json]

What is on in a room at an instant, and what comes next there and for everyone.
  --room NAME|ID   the room's id (winchester) or name ("Winchester Room", any case, or a unique part)
  --at ISO         the instant, like 2019-05-20T10:30:00-07:00 (without an offset: venue time);
                   default now
  --program FILE   the program (default: data/opml19.json)
  --data DIR       apply the overrides stored in this data dir (as \`hallway serve --data DIR\` has them)
  --json           print the now/next object instead of lines`;

function findRoom(program: Program, wanted: string): Room | null {
  const w = wanted.trim().toLowerCase();
  return (
    program.rooms.find((r) => r.id === wanted) ??
    program.rooms.find((r) => r.name.toLowerCase() === w) ??
    (() => {
      const partial = program.rooms.filter((r) => r.name.toLowerCase().includes(w) || r.id.includes(w));
      return partial.length === 1 ? (partial[0] ?? null) : null;
    })()
  );
}

const person = (p: Person) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name);

function describe(program: Program, label: string, s: SessionNow, withTalk: boolean): string[] {
  const time = `${formatClock(program, Date.parse(s.start))}–${formatClock(program, Date.parse(s.end))}`;
  const marks = [
    s.cancelled ? `CANCELLED${s.cancelled.note ? `: ${s.cancelled.note}` : ''}` : '',
    s.movedTo ? `moved to ${program.rooms.find((r) => r.id === s.movedTo)?.name ?? s.movedTo}` : '',
    s.delayMinutes
      ? `${s.delayMinutes > 0 ? `${s.delayMinutes} min late` : `${-s.delayMinutes} min early`}`
      : '',
  ].filter(Boolean);
  const where = s.room ? program.rooms.find((r) => r.id === s.room)?.name : undefined;
  const lines = [
    `${label} ${time}  ${s.title}${s.track ? `  [${s.track}]` : ''}${where && label.startsWith('venue') ? `  (${where})` : ''}${
      marks.length ? `  (${marks.join('; ')})` : ''
    }`,
  ];
  if (s.chairs.length) lines.push(`        chair: ${s.chairs.map(person).join(', ')}`);
  if (withTalk && s.onNow) {
    const talk = s.talks.find((t) => t.id === s.onNow?.talk);
    if (talk) {
      const who = talk.speakers.map((p) => p.name).join(', ');
      lines.push(
        `        on now: ${talk.title}${who ? ` — ${who}` : ''}${s.onNow.estimated ? ' (estimated)' : ''}${
          talk.cancelled ? ' (CANCELLED)' : ''
        }`,
      );
    }
  }
  return lines;
}

export function nowLines(program: Program, nn: NowNext): string[] {
  const at = Date.parse(nn.at);
  const lines = [
    `${nn.room.name} (${nn.room.id}), ${formatDay(program, at)}, ${formatClock(program, at)}: ${nn.state}`,
  ];
  lines.push(
    ...(nn.current ? describe(program, 'now:  ', nn.current, true) : ['now:   nothing in this room']),
  );
  lines.push(
    ...(nn.next ? describe(program, 'next: ', nn.next, false) : ['next:  nothing more in this room']),
  );
  // Printed here but cancelled or moved away: said, never given as next.
  for (const s of nn.changed) lines.push(...describe(program, 'off:  ', s, false));
  if (nn.venue.current) lines.push(...describe(program, 'venue now: ', nn.venue.current, false));
  if (nn.venue.next) lines.push(...describe(program, 'venue next:', nn.venue.next, false));
  return lines;
}

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      room: { type: 'string' },
      at: { type: 'string' },
      program: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.room) throw new UsageError('give the room: --room winchester (or its name)');
    const loaded = await readProgramFile(values.program ?? defaultProgramPath());
    let program = asEffective(loaded.program);
    let at: number;
    try {
      at = values.at === undefined ? Date.now() : parseInstant(values.at, program.conference.timeZone);
    } catch (e) {
      throw new UsageError(`--at: ${(e as Error).message}`, { cause: e });
    }
    if (values.data !== undefined) {
      const stored = readStoreFile(values.data);
      if (!stored) io.err(`note: no store in ${values.data}: no overrides applied`);
      else {
        const base = programInForce(values.data, stored.journal, program, (l) => io.err(`note: ${l}`));
        const applied = applyOverrides(base, stored.journal);
        program = applied.program;
        for (const p of applied.problems) io.err(`note: ${p}`);
      }
    }
    const room = findRoom(program, values.room);
    if (!room) {
      io.err(`unknown room "${values.room}". Rooms:`);
      for (const r of program.rooms) io.err(`  ${r.id}  (${r.name})`);
      return 1;
    }
    const nn = nowNext(program, room.id, at);
    if (values.json) io.out(JSON.stringify(nn, null, 2));
    else for (const line of nowLines(program, nn)) io.out(line);
    return 0;
  },
};
