import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asEffective } from '../../../core/overrides/apply.js';
import { nowNext } from '../../../core/schedule/now-next.js';
import { parseProgram } from '../../../core/program/parse.js';
import { formatClock } from '../../../core/time/venue.js';
import { DST_PROGRAM } from './dst-program.js';
import { OPML, api, runHallway, serve, stopServe, tempDir } from './helpers.js';

/**
 * Venue time whatever the host machine's zone, and across a DST change: the host run with
 * TZ=UTC, Asia/Tokyo and America/New_York answers the same instants and sessions, and a
 * simulated clock crossing Berlin's 2019-10-27 03:00 → 02:00 keeps the right session on.
 */
const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York'] as const;
const dir = tempDir('hallway-tz-');
const dstFile = join(dir, 'nightcon.json');
writeFileSync(dstFile, JSON.stringify(DST_PROGRAM, null, 2));
const tried: string[] = [];
afterAll(() => {
  console.log(`time: ${tried.length} checks (${tried.join('; ')})`);
  rmSync(dir, { recursive: true, force: true });
});

describe('the host in three machine zones', () => {
  it('answers the same venue instants and sessions with TZ=UTC, Asia/Tokyo, America/New_York', async () => {
    const answers = await Promise.all(
      ZONES.map(async (tz) => {
        const host = await serve(
          [
            '--program',
            OPML,
            '--data',
            join(dir, `data-${tz.replace('/', '-')}`),
            '--port',
            '0',
            '--clock',
            '2019-05-20T10:45:00-07:00',
            '--rate',
            '0',
          ],
          { TZ: tz },
        );
        try {
          const snap = (await api(host.url, 'GET', '/api/snapshot')).json as { clock: { now: string } };
          const nn = (await api(host.url, 'GET', '/api/now-next?room=winchester')).json as {
            at: string;
            current: { id: string; start: string; end: string; talkTimes: { start: string }[] };
            next: { id: string; start: string };
          };
          const lobby = (await api(host.url, 'GET', '/api/lobby')).json as {
            at: string;
            rows: { label: string }[];
          };
          return { tz, now: snap.clock.now, nn, lobby };
        } finally {
          await stopServe(host);
        }
      }),
    );
    for (const a of answers) {
      expect(a.now, a.tz).toBe('2019-05-20T10:45:00-07:00');
      expect(a.nn.at, a.tz).toBe('2019-05-20T10:45:00-07:00');
      expect(a.nn.current.id, a.tz).toBe('t1-production');
      expect(a.nn.current.start, a.tz).toBe('2019-05-20T10:30:00-07:00');
      expect(a.nn.next.start, a.tz).toBe('2019-05-20T13:30:00-07:00');
      expect(
        a.nn.current.talkTimes.every((t) => t.start.endsWith('-07:00')),
        a.tz,
      ).toBe(true);
    }
    // Everything but nothing: the three answers are identical.
    expect(answers[1]!.nn).toEqual(answers[0]!.nn);
    expect(answers[2]!.nn).toEqual(answers[0]!.nn);
    expect(answers[1]!.lobby).toEqual(answers[0]!.lobby);
    expect(answers[2]!.lobby).toEqual(answers[0]!.lobby);
    tried.push(`serve in ${ZONES.length} zones: snapshot, now-next, lobby identical, all -07:00`);
  }, 60_000);

  it('`hallway now` prints the same lines in every zone, venue time for an --at without offset', async () => {
    const outs = await Promise.all(
      ZONES.map((tz) => runHallway(['now', '--room', 'winchester', '--at', '2019-05-20T10:45'], { TZ: tz })),
    );
    for (const [i, o] of outs.entries()) {
      expect(o.code, `${ZONES[i]}: ${o.stderr}`).toBe(0);
      expect(o.stdout).toContain('10:45 AM');
      expect(o.stdout).toContain('10:30 AM–12:30 PM');
      expect(o.stdout).toBe(outs[0]!.stdout);
    }
    tried.push(`hallway now in ${ZONES.length} zones: identical`);
  }, 60_000);
});

describe('a simulated clock across the end of summer time in Berlin', () => {
  const program = (() => {
    const r = parseProgram(DST_PROGRAM);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return asEffective(r.program);
  })();

  // Wall clock 02:45 happens twice: once in "Across the change", once in "After the change".
  it.each([
    ['2019-10-27T02:15:00+02:00', 'before', '2:15 AM'],
    ['2019-10-27T02:45:00+02:00', 'across', '2:45 AM'],
    ['2019-10-27T02:59:59+02:00', 'across', '2:59 AM'],
    ['2019-10-27T02:00:00+01:00', 'across', '2:00 AM'],
    ['2019-10-27T02:29:00+01:00', 'across', '2:29 AM'],
    ['2019-10-27T02:30:00+01:00', 'after', '2:30 AM'],
    ['2019-10-27T02:45:00+01:00', 'after', '2:45 AM'],
  ])('nowNext at %s: %s, clock %s', (at, id, clock) => {
    const ms = Date.parse(at);
    const nn = nowNext(program, 'saal', ms);
    expect(nn.current?.id).toBe(id);
    expect(nn.at).toBe(at);
    expect(formatClock(program, ms)).toBe(clock);
    tried.push(`nowNext ${at}`);
  });

  it('`hallway now` answers both 2:45s right, in every machine zone', async () => {
    const runs = await Promise.all(
      ZONES.flatMap((tz) =>
        ['2019-10-27T02:45:00+02:00', '2019-10-27T02:45:00+01:00'].map(async (at) => ({
          tz,
          at,
          r: await runHallway(['now', '--program', dstFile, '--room', 'saal', '--at', at, '--json'], {
            TZ: tz,
          }),
        })),
      ),
    );
    for (const { tz, at, r } of runs) {
      expect(r.code, `${tz} ${at}: ${r.stderr}`).toBe(0);
      const nn = JSON.parse(r.stdout) as { at: string; current: { id: string } };
      expect(nn.at, tz).toBe(at);
      expect(nn.current.id, `${tz} ${at}`).toBe(at.endsWith('+02:00') ? 'across' : 'after');
    }
    tried.push(`hallway now --json at both 2:45s in ${ZONES.length} zones`);
  }, 60_000);

  it('the host clock runs through 03:00 CEST → 02:00 CET, the offset turns and the session holds', async () => {
    // 600× speed: 02:55 CEST to past 02:05 CET in about two seconds.
    const host = await serve(
      [
        '--program',
        dstFile,
        '--data',
        join(dir, 'data-dst'),
        '--port',
        '0',
        '--clock',
        '2019-10-27T02:55:00+02:00',
        '--rate',
        '600',
      ],
      { TZ: 'Asia/Tokyo' },
    );
    const seen: { now: string; id: string | undefined }[] = [];
    try {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const now = ((await api(host.url, 'GET', '/api/snapshot')).json as { clock: { now: string } }).clock
          .now;
        const nn = (await api(host.url, 'GET', '/api/now-next?room=saal')).json as {
          at: string;
          current: { id: string } | null;
        };
        seen.push({ now, id: nn.current?.id });
        if (Date.parse(now) > Date.parse('2019-10-27T02:10:00+01:00')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await stopServe(host);
    }
    const summer = seen.filter((s) => s.now.endsWith('+02:00'));
    const winter = seen.filter((s) => s.now.endsWith('+01:00'));
    expect(summer.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(winter.length, JSON.stringify(seen)).toBeGreaterThan(0);
    // Instants only grow, while the wall clock goes back an hour.
    const instants = seen.map((s) => Date.parse(s.now));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(winter.some((s) => s.now.startsWith('2019-10-27T02:0'))).toBe(true);
    for (const s of seen) expect(s.id, s.now).toBe('across');
    tried.push(
      `host clock ${seen[0]!.now} → ${seen.at(-1)!.now}: ${summer.length} samples in CEST, ${winter.length} in CET, all in "across"`,
    );
  }, 60_000);
});
