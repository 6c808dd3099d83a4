import { spawn } from 'node:child_process';
import {
  appendFileSync,
  fsyncSync as fsyncSyncReal,
  ftruncateSync as ftruncateSyncReal,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync as writeSyncReal,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import { Journal, type JournalIo } from '../../../../electron/host/journal.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';

let dir: string;
let path: string;
const open: Journal[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-journal-'));
  path = journalPathIn(dir);
});
afterEach(() => {
  for (const j of open.splice(0)) j.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = '2019-05-20T10:00:00-07:00';
const alert = (text: string) => ({
  type: 'override' as const,
  at,
  override: { kind: 'alert' as const, text },
});
const line = (revision: number, text = `e${revision}`) => `${JSON.stringify({ ...alert(text), revision })}\n`;

function journal(opts: ConstructorParameters<typeof Journal>[1] = {}): Journal {
  const j = new Journal(path, opts);
  open.push(j);
  return j;
}
const onDisk = (): JournalEntry[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEntry);
const aside = (what: string) => readdirSync(dir).filter((f) => f.startsWith(`journal.${what}-`));

describe('Journal', () => {
  it('numbers entries 1, 2, 3 and has each line on disk when append returns', async () => {
    const j = journal();
    expect(j.revision).toBe(0);
    for (const text of ['a', 'b', 'c']) {
      const e = await j.append(alert(text));
      expect(onDisk().at(-1)).toEqual(e);
    }
    expect(j.entries.map((e) => e.revision)).toEqual([1, 2, 3]);
  });

  it('continues the numbering after a reopen', async () => {
    await journal().append(alert('a'));
    expect((await journal().append(alert('b'))).revision).toBe(2);
    expect(onDisk().map((e) => e.revision)).toEqual([1, 2]);
  });

  it.each([
    [0, [1, 2, 3]],
    [1, [2, 3]],
    [3, []],
    [99, []],
  ])('since(%i) gives the later entries in order', async (since, want) => {
    const j = journal();
    for (const t of ['a', 'b', 'c']) await j.append(alert(t));
    expect(j.since(since).map((e) => e.revision)).toEqual(want);
  });

  it('finds an entry by revision', async () => {
    const j = journal();
    for (const t of ['a', 'b', 'c']) await j.append(alert(t));
    expect(j.find(2)).toMatchObject({ revision: 2, override: { text: 'b' } });
    expect(j.find(4)).toBeUndefined();
  });

  it('tells subscribers after the write, and stops when unsubscribed', async () => {
    const j = journal();
    const seen: number[] = [];
    const off = j.subscribe((e) => seen.push(e.revision));
    await j.append(alert('a'));
    off();
    await j.append(alert('b'));
    expect(seen).toEqual([1]);
  });

  it.each([10, 10_000])('an append with %i entries writes its own line once and reads nothing', async (n) => {
    writeFileSync(path, Array.from({ length: n }, (_, i) => line(i + 1)).join(''));
    const calls: string[] = [];
    const io: Partial<JournalIo> = {
      writeSync: (fd, buf, off, len) => {
        calls.push(`write ${len}`);
        return writeSyncReal(fd, buf, off, len);
      },
      fsyncSync: (fd) => {
        calls.push('fsync');
        fsyncSyncReal(fd);
      },
    };
    const j = journal({ io });
    const before = j.size;
    const e = await j.append(alert('new'));
    const bytes = Buffer.byteLength(`${JSON.stringify(e)}\n`);
    // The same two calls whatever the journal's length: no read, no rewrite.
    expect(calls).toEqual([`write ${bytes}`, 'fsync']);
    expect(j.size - before).toBe(bytes);
    expect(e.revision).toBe(n + 1);
  });
});

describe('a failed write', () => {
  const failing = (code: string, partial: boolean): Partial<JournalIo> => ({
    writeSync: (fd, buf, off, len) => {
      // Half the line reaches the file, then the disk fails (as a full disk does).
      if (partial) writeSyncReal(fd, buf, off, len >> 1);
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  });

  it.each([
    ['ENOSPC', true],
    ['EROFS', false],
    ['EIO', true],
  ])('%s (partial line: %s): append throws naming it, and nothing changes', async (code, partial) => {
    await journal().append(alert('kept'));
    const bytes = readFileSync(path);
    const j = journal({ io: failing(code, partial) });
    const seen: number[] = [];
    j.subscribe((e) => seen.push(e.revision));
    await expect(j.append(alert('lost'))).rejects.toThrow(new RegExp(`${code}.*nothing was changed`));
    expect(j.revision).toBe(1);
    expect(j.entries).toHaveLength(1);
    expect(seen).toEqual([]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(journal().entries.map((e) => e.revision)).toEqual([1]);
  });

  it('a cut-back that fails too is retried before the next append', async () => {
    await journal().append(alert('kept'));
    let failWrite = true;
    let failTruncate = true;
    const j = journal({
      io: {
        writeSync: (fd, buf, off, len) => {
          if (!failWrite) return writeSyncReal(fd, buf, off, len);
          writeSyncReal(fd, buf, off, len >> 1);
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
        ftruncateSync: (fd, len) => {
          if (failTruncate) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
          ftruncateSyncReal(fd, len);
        },
      },
    });
    await expect(j.append(alert('lost'))).rejects.toThrow(/ENOSPC/);
    failWrite = false;
    failTruncate = false;
    expect((await j.append(alert('next'))).revision).toBe(2);
    expect(onDisk().map((e) => (e.type === 'override' ? e.override : e))).toEqual([
      { kind: 'alert', text: 'kept' },
      { kind: 'alert', text: 'next' },
    ]);
  });
});

describe('opening a damaged journal', () => {
  it.each([
    ['half a line', '{"type":"override","revision":3,"at":"2019-'],
    ['NUL bytes (power cut)', '\0'.repeat(64)],
    ['a whole bad last line', '{"type":"nuke","revision":3}\n'],
  ])('a torn last line (%s) is set aside with one message; the rest is kept', async (_what, tail) => {
    writeFileSync(path, line(1) + line(2) + tail);
    const lines: string[] = [];
    const j = journal({ log: (l) => lines.push(l) });
    expect(j.entries.map((e) => e.revision)).toEqual([1, 2]);
    expect(aside('torn')).toHaveLength(1);
    expect(readFileSync(join(dir, aside('torn')[0]!), 'utf8')).toBe(tail);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/last line .* is torn/);
    expect(lines[0]).toContain(aside('torn')[0]);
    // The next entry follows the good ones, on a line of its own.
    expect((await j.append(alert('after'))).revision).toBe(3);
    expect(onDisk().map((e) => e.revision)).toEqual([1, 2, 3]);
  });

  it('a bad line in the middle: the entries before it kept, it and the rest set aside, loudly', () => {
    const rest = `not json\n${line(4)}${line(5)}`;
    writeFileSync(path, line(1) + line(2) + rest);
    const lines: string[] = [];
    const j = journal({ log: (l) => lines.push(l) });
    expect(j.revision).toBe(2);
    expect(aside('invalid')).toHaveLength(1);
    expect(readFileSync(join(dir, aside('invalid')[0]!), 'utf8')).toBe(rest);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARNING: line 3 .* not JSON.*2 line\(s\) after it.*acknowledged/);
    expect(onDisk().map((e) => e.revision)).toEqual([1, 2]);
  });

  it('revisions that do not grow: set aside from the first one that does not', () => {
    writeFileSync(path, line(1) + line(2) + line(2) + line(3));
    const lines: string[] = [];
    expect(journal({ log: (l) => lines.push(l) }).revision).toBe(2);
    expect(lines[0]).toMatch(/revision 2 is not greater than the one before \(2\)/);
  });

  it('a last line written whole but without its newline is kept and ended', async () => {
    writeFileSync(path, line(1) + line(2).trimEnd());
    const lines: string[] = [];
    const j = journal({ log: (l) => lines.push(l) });
    expect(j.revision).toBe(2);
    expect(lines).toEqual([]);
    await j.append(alert('after'));
    expect(onDisk().map((e) => e.revision)).toEqual([1, 2, 3]);
  });
});

describe('a process SIGKILLed while it appends', () => {
  const FIXTURE = join(import.meta.dirname, 'fixtures', 'append-loop.ts');

  /** Runs the append loop until it has acknowledged `count` more entries, then SIGKILLs it. */
  function appendThenKill(count: number): Promise<number[]> {
    return new Promise((ok, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, path], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const acked: number[] = [];
      let buf = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const got = buf.split('\n');
        buf = got.pop() ?? '';
        acked.push(...got.map(Number));
        if (acked.length >= count && child.exitCode === null) child.kill('SIGKILL');
      });
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.once('exit', (code, signal) => {
        if (signal === 'SIGKILL') ok(acked);
        else fail(new Error(`the append loop exited (${code}) before the kill:\n${err}`));
      });
    });
  }

  it('keeps every acknowledged entry; a torn last line is set aside at the next open', async () => {
    const acked: number[] = [];
    // Killed at a different point each round, each round reopening what the last one left.
    for (const count of [150, 317, 89]) acked.push(...(await appendThenKill(count)));
    // A kill cannot cut one small write(2) in two; a power cut can: leave half a line, as it would.
    appendFileSync(path, line(acked.at(-1)! + 10_000).slice(0, 40));

    const lines: string[] = [];
    const j = journal({ log: (l) => lines.push(l) });
    const have = new Set(j.entries.map((e) => e.revision));
    const lost = acked.filter((r) => !have.has(r));
    expect(lost, 'acknowledged and then lost').toEqual([]);
    expect(j.entries.map((e) => e.revision)).toEqual(j.entries.map((_, i) => i + 1));
    expect(aside('torn')).toHaveLength(1);
    expect(lines.filter((l) => l.includes('torn'))).toHaveLength(1);
    expect(aside('invalid')).toEqual([]);
  }, 60_000);
});
