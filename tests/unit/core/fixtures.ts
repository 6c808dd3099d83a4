import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyOverrides } from '../../../core/overrides/apply.js';
import type { OverrideInput } from '../../../core/overrides/schema.js';
import { ProgramShape, type Program, type ProgramInput } from '../../../core/program/schema.js';

/** The embedded OpML '19 program, parsed by the schema (not by parseProgram, which is under test). */
export function opml19(): Program {
  const path = fileURLToPath(new URL('../../../data/opml19.json', import.meta.url));
  return ProgramShape.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Epoch ms of an ISO instant written with its offset. */
export const t = (iso: string): number => {
  const v = Date.parse(iso);
  if (Number.isNaN(v)) throw new Error(`bad test instant ${iso}`);
  return v;
};

/** `program` after staff's changes of the day, journalled in order at 08:00 venue time. */
export function afterOverrides(program: Program, ...os: OverrideInput[]): Program {
  return applyOverrides(
    program,
    os.map((override, i) => ({
      type: 'override' as const,
      revision: i + 1,
      at: '2019-05-20T08:00:00-07:00',
      override,
    })),
  ).program;
}

type SessionIn = ProgramInput['sessions'][number];

/**
 * A small two-day program in Europe/Berlin (CEST, +02:00) with a day running past midnight:
 * enough to test days, venue-wide items and talks, independent of the OpML data.
 */
export function twoDays(): Program {
  const s = (
    id: string,
    start: string,
    end: string,
    room: string | null,
    extra: Partial<SessionIn> = {},
  ): SessionIn => ({
    id,
    title: `Session ${id}`,
    kind: room ? 'talks' : 'break',
    audience: room ? 'room' : 'everyone',
    start,
    end,
    room,
    ...extra,
  });
  const talks = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, title: `Talk ${prefix} ${i + 1}` }));
  return ProgramShape.parse({
    format: 'hallway-program',
    version: 1,
    conference: {
      id: 'mini',
      name: 'Mini',
      timeZone: 'Europe/Berlin',
      start: '2024-06-10',
      end: '2024-06-11',
    },
    rooms: [
      { id: 'a', name: 'Hall A' },
      { id: 'b', name: 'Hall B' },
      { id: 'c', name: 'Hall C' },
    ],
    sessions: [
      s('d1-open', '2024-06-10T09:00:00+02:00', '2024-06-10T09:30:00+02:00', 'a', {
        kind: 'plenary',
        audience: 'everyone',
      }),
      s('d1-a1', '2024-06-10T10:00:00+02:00', '2024-06-10T11:00:00+02:00', 'a', { talks: talks('d1-a1', 4) }),
      s('d1-b1', '2024-06-10T10:00:00+02:00', '2024-06-10T12:00:00+02:00', 'b'),
      s('d1-break', '2024-06-10T11:00:00+02:00', '2024-06-10T11:30:00+02:00', null),
      s('d1-a2', '2024-06-10T11:30:00+02:00', '2024-06-10T12:30:00+02:00', 'a'),
      s('d1-a3', '2024-06-10T13:30:00+02:00', '2024-06-10T14:30:00+02:00', 'a'),
      s('d1-party', '2024-06-10T22:00:00+02:00', '2024-06-11T01:30:00+02:00', 'c', {
        kind: 'social',
        audience: 'everyone',
      }),
      s('d2-a1', '2024-06-11T10:00:00+02:00', '2024-06-11T11:00:00+02:00', 'a', {
        talks: [
          {
            id: 'd2-a1-1',
            title: 'Timed one',
            start: '2024-06-11T10:00:00+02:00',
            end: '2024-06-11T10:20:00+02:00',
          },
          {
            id: 'd2-a1-2',
            title: 'Timed two',
            start: '2024-06-11T10:20:00+02:00',
            end: '2024-06-11T11:00:00+02:00',
          },
        ],
      }),
      s('d2-b1', '2024-06-11T10:00:00+02:00', '2024-06-11T12:00:00+02:00', 'b'),
    ],
  });
}
