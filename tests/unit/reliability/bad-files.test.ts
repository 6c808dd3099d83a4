import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProgram } from '../../../core/program/parse.js';
import { ProgramFileError, readProgramFile } from '../../../electron/host/program-file.js';
import { allVariants, type Variant } from './bad-file-variants.js';
import { OPML, api, runHallway, serve, stopServe, tempDir } from './helpers.js';

/**
 * Malformed variants of the real program and schedule files: each is refused with a message
 * naming the place (or, for the messy-but-usable kind, kept), never a crash or a hang; and
 * `hallway serve` refuses a bad program without touching the data dir's journal.
 */
const dir = tempDir('hallway-badfiles-');
const variants = allVariants();
const outcome = { tried: 0, refused: 0, kept: 0, crashed: 0 };
afterAll(() => {
  console.log(
    `bad files: ${outcome.tried} files tried, ${outcome.refused} refused naming the place, ${outcome.kept} messy ones kept, ${outcome.crashed} crashes`,
  );
  rmSync(dir, { recursive: true, force: true });
});

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, no) => setTimeout(() => no(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);

function write(v: Variant, i: number): string {
  const path = join(dir, `${String(i).padStart(3, '0')}-${v.file}`);
  writeFileSync(path, v.content);
  return path;
}

describe('malformed program and schedule files', () => {
  it('has at least 100 variants', () => {
    expect(variants.length).toBeGreaterThanOrEqual(100);
  });

  it.each(variants.map((v, i) => [v.name, v, i] as const))('%s', async (_name, v, i) => {
    const path = write(v, i);
    outcome.tried++;
    let result: Awaited<ReturnType<typeof readProgramFile>> | null = null;
    let error: unknown = null;
    try {
      result = await within(readProgramFile(path), 20_000, v.name);
    } catch (e) {
      error = e;
    }
    if (error && !(error instanceof ProgramFileError)) {
      outcome.crashed++;
      throw new Error(`${v.name}: crashed instead of refusing: ${(error as Error).stack ?? String(error)}`);
    }
    if (error instanceof ProgramFileError) {
      expect(error.message, 'names the file').toContain(path);
      expect(error.problems.length).toBeGreaterThan(0);
      // A 10 MB value must not come back inside the message.
      expect(error.message.length, 'message length').toBeLessThan(20_000);
      expect(error.message, `${v.name}: the message should name the place (${v.place})`).toMatch(v.place);
      outcome.refused++;
      return;
    }
    expect(v.expect, `${v.name}: accepted, but it must be refused`).toBe('survive');
    const { program, notes } = result!;
    if (v.note)
      expect(notes.join('\n'), `${v.name}: kept without a note saying what is wrong`).toMatch(v.note);
    // Kept: what came back must be a valid program (so the host can serve it), overlaps aside,
    // which are kept on purpose and named in a note.
    const again = parseProgram(JSON.stringify(program));
    const errors = again.ok ? [] : again.errors.filter((e) => !/ overlaps /.test(e));
    expect(errors, `${v.name}: kept, but the result is not a valid program`).toEqual([]);
    outcome.kept++;
  });
});

describe('the CLI on bad files', { timeout: 120_000 }, () => {
  const sample = variants.filter(
    (v) => v.expect === 'reject' && v.place.source !== '.' && Buffer.byteLength(v.content) < 1_000_000,
  );
  const picks = [0, 6, 12, 20, 28, 40, 55, 70].map((n) => sample[n % sample.length]!);

  it('`hallway check` exits 1 and names the place, for a sample of 8', async () => {
    const results = await Promise.all(
      picks.map(async (v, i) => {
        const path = join(dir, `check-${i}-${v.file}`);
        writeFileSync(path, v.content);
        return { v, r: await runHallway(['check', path]) };
      }),
    );
    for (const { v, r } of results) {
      expect(r.code, `${v.name}: exit code; stdout ${r.stdout} stderr ${r.stderr}`).toBe(1);
      expect(r.stderr, v.name).toMatch(v.place);
      expect(r.stderr, `${v.name}: no stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    console.log(`hallway check: ${results.length} bad files, each exit 1 naming the place`);
  });

  it('`hallway serve` refuses a bad program, says why, and keeps the journal', async () => {
    const data = tempDir('hallway-badserve-');
    try {
      // A good host takes two overrides, then stops.
      const good = await serve([
        '--program',
        OPML,
        '--data',
        data,
        '--port',
        '0',
        '--clock',
        '2019-05-20T10:40:00-07:00',
        '--rate',
        '0',
      ]);
      for (const o of [
        { kind: 'cancel', session: 't2-pm1', note: 'speaker ill' },
        { kind: 'delay', session: 't1-production', minutes: 10 },
      ])
        expect((await api(good.url, 'POST', '/api/overrides', o, good.token)).status).toBe(201);
      await stopServe(good);
      const store = readFileSync(join(data, 'config.json'));

      const bad = variants.filter((v) => v.expect === 'reject' && v.file === 'opml.json').slice(0, 2);
      bad.push(variants.find((v) => v.name.includes('10 MB session title'))!);
      for (const [i, v] of bad.entries()) {
        const path = join(dir, `serve-${i}-${v.file}`);
        writeFileSync(path, v.content);
        const r = await runHallway(['serve', '--program', path, '--data', data, '--port', '0']);
        expect(r.code, `${v.name}: serve must refuse; output ${r.stdout}${r.stderr}`).not.toBe(0);
        expect(r.stderr + r.stdout, v.name).toMatch(v.place);
        expect(r.stdout, `${v.name}: printed screen URLs though it refused`).not.toMatch(/admin:\s*http/);
        expect(readFileSync(join(data, 'config.json')).equals(store), `${v.name}: the store changed`).toBe(
          true,
        );
      }

      // The good program again: both overrides are there, same revisions.
      const back = await serve(['--program', OPML, '--data', data, '--port', '0']);
      const snap = (await api(back.url, 'GET', '/api/snapshot')).json as {
        revision: number;
        overrides: { override?: { kind: string } }[];
      };
      await stopServe(back);
      expect(snap.revision).toBe(2);
      expect(snap.overrides.map((e) => e.override?.kind)).toEqual(['cancel', 'delay']);
      console.log(
        `hallway serve: refused ${bad.length} bad programs (exit non-zero, reason printed), journal kept (revision ${snap.revision})`,
      );
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
