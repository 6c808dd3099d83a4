import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';

const raw = (): Record<string, unknown> & {
  sessions: Record<string, unknown>[];
  rooms: Record<string, unknown>[];
} =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../../data/opml19.json', import.meta.url)), 'utf8'));

function errorsOf(input: unknown): string[] {
  const r = parseProgram(input);
  if (r.ok) throw new Error('expected errors, got a program');
  return r.errors;
}

describe('parseProgram', () => {
  it('accepts the OpML 19 program', () => {
    const r = parseProgram(raw());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.program.sessions.length).toBeGreaterThan(15);
  });

  it('accepts a same-room overlap with a warning naming both sessions', () => {
    const p = raw();
    p.sessions.find((s) => s.id === 't2-pm1')!.room = 'winchester'; // onto tut-pm1, 13:30–14:30
    const r = parseProgram(p);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^sessions\[\d+\]\.start: "(t2-pm1|tut-pm1)" \(13:30–14:30\) overlaps sessions\[\d+\] "(t2-pm1|tut-pm1)" \(13:30–14:30\) in room "winchester"$/,
    );
    expect(parseProgram(raw())).toMatchObject({ ok: true, warnings: [] });
  });

  // A file holding what only overrides set would show it for good, beyond any undo (issue 11, bug 8).
  it.each<[string, (p: ReturnType<typeof raw>) => void, string[]]>([
    ['a cancelled session', (p) => (p.sessions[3]!.cancelled = {}), ['sessions[3].cancelled']],
    ['a delay', (p) => (p.sessions[4]!.delayMinutes = 10), ['sessions[4].delayMinutes']],
    [
      'an original place',
      (p) =>
        (p.sessions[4]!.original = {
          start: '2019-05-20T10:30:00-07:00',
          end: '2019-05-20T12:30:00-07:00',
          room: 'winchester',
        }),
      ['sessions[4].original'],
    ],
    ['a note', (p) => (p.sessions[0]!.note = 'x'), ['sessions[0].note']],
    [
      'now speaking',
      (p) => (p.sessions[4]!.nowSpeaking = { talk: 't1-production-1', since: '2019-05-20T10:30:00-07:00' }),
      ['sessions[4].nowSpeaking'],
    ],
    [
      'a cancelled talk',
      (p) => ((p.sessions[4]!.talks as Record<string, unknown>[])[1]!.cancelled = { note: 'ill' }),
      ['sessions[4].talks[1].cancelled'],
    ],
    ['an alert', (p) => (p.alerts = [{ id: 1, text: 'Leave the building' }]), ['alerts']],
    ['an announcement', (p) => (p.announcements = [{ id: 1, text: 'Coffee' }]), ['announcements']],
    [
      'several at once, each named',
      (p) => {
        p.alerts = [{ id: 1, text: 'x' }];
        p.sessions[2]!.cancelled = {};
        p.sessions[2]!.delayMinutes = 5;
      },
      ['alerts', 'sessions[2].cancelled', 'sessions[2].delayMinutes'],
    ],
  ])('refuses %s: only overrides may set it', (_, change, paths) => {
    const p = raw();
    change(p);
    expect(errorsOf(p)).toEqual(
      paths.map((x) => `${x}: only overrides may set this; remove it from the file`),
    );
  });

  it('accepts empty announcements and alerts (what an exported program writes)', () => {
    expect(parseProgram({ ...raw(), announcements: [], alerts: [] }).ok).toBe(true);
  });

  it('accepts the program as JSON text', () => {
    expect(parseProgram(JSON.stringify(raw())).ok).toBe(true);
  });

  type Mutate = (p: ReturnType<typeof raw>) => void;
  it.each<[string, Mutate, RegExp]>([
    [
      'end before start, in venue time',
      (p) => {
        p.sessions[4]!.start = '2019-05-20T10:30:00-07:00';
        p.sessions[4]!.end = '2019-05-20T10:00:00-07:00';
      },
      /^sessions\[4\]\.end: must be after start \(10:30 ≥ 10:00\)$/,
    ],
    [
      'end equal to start, written in UTC, shown in venue time',
      (p) => {
        p.sessions[4]!.start = '2019-05-20T17:30:00Z';
        p.sessions[4]!.end = '2019-05-20T10:30:00-07:00';
      },
      /^sessions\[4\]\.end: must be after start \(10:30 ≥ 10:30\)$/,
    ],
    [
      'unknown zone',
      (p) => {
        (p.conference as Record<string, unknown>).timeZone = 'Mars/Olympus_Mons';
      },
      /^conference\.timeZone: "Mars\/Olympus_Mons" is not an IANA time zone/,
    ],
    [
      'conference ends before it starts',
      (p) => {
        (p.conference as Record<string, unknown>).end = '2019-05-19';
      },
      /^conference\.end: must not be before start \(2019-05-19 < 2019-05-20\)$/,
    ],
    [
      'room reference to nowhere',
      (p) => {
        p.sessions[2]!.room = 'ballroom';
      },
      /^sessions\[2\]\.room: no room "ballroom" in rooms \(santa-clara-ballroom, winchester/,
    ],
    [
      'duplicate room id',
      (p) => {
        p.rooms[3]!.id = 'winchester';
      },
      /^rooms\[3\]\.id: "winchester" is also rooms\[1\]\.id/,
    ],
    [
      'duplicate session id',
      (p) => {
        p.sessions[5]!.id = 't1-production';
      },
      /^sessions\[5\]\.id: "t1-production" is also sessions\[4\]\.id/,
    ],
    [
      'duplicate talk id across sessions',
      (p) => {
        (p.sessions[5]!.talks as Record<string, unknown>[])[0]!.id = 't1-production-1';
      },
      /^sessions\[5\]\.talks\[0\]\.id: "t1-production-1" is also sessions\[4\]\.talks\[0\]\.id/,
    ],
    [
      'talk with a start but no end',
      (p) => {
        (p.sessions[4]!.talks as Record<string, unknown>[])[1]!.start = '2019-05-20T10:50:00-07:00';
      },
      /^sessions\[4\]\.talks\[1\]\.end: is missing/,
    ],
    [
      'missing field',
      (p) => {
        delete p.sessions[3]!.title;
      },
      /^sessions\[3\]\.title: is missing/,
    ],
    [
      'time without offset',
      (p) => {
        p.sessions[3]!.start = '2019-05-20T10:00:00';
      },
      /^sessions\[3\]\.start: must be an ISO date-time with its offset/,
    ],
    [
      'bad id',
      (p) => {
        p.rooms[0]!.id = 'Santa Clara';
      },
      /^rooms\[0\]\.id: must be letters, digits/,
    ],
  ])('%s', (_name, mutate, expected) => {
    const p = raw();
    mutate(p);
    const errors = errorsOf(p);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'c3voc schedule.json',
      { schedule: { version: '1', conference: { title: 'x' } } },
      /c3voc\/frab\/pretalx schedule\.json.*hallway import/,
    ],
    ['frab XML text', '<?xml version="1.0"?><schedule></schedule>', /XML.*hallway import/],
    ['iCalendar text', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', /iCalendar.*hallway import/],
    [
      'another format',
      { format: 'something-else' },
      /^format: expected "hallway-program", got "something-else"/,
    ],
    ['no format at all', { rooms: [] }, /^format: missing/],
    ['an array', [], /got an array/],
    ['broken JSON text', '{"format": ', /not valid JSON/],
  ])('not our format: %s → one error saying what it is', (_name, input, expected) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(expected);
  });

  it('the invalid c3voc example from the fixtures says it is a schedule.json', () => {
    const path = fileURLToPath(
      new URL('../../../../../shared/fixtures/schedules/invalid-example.json', import.meta.url),
    );
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return; // fixture not on this machine
    }
    expect(errorsOf(JSON.parse(text))[0]).toMatch(/schedule\.json/);
  });
});
