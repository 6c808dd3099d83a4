import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { openJournal } from '../../../../electron/host/journal-migrate.js';
import { openStore, readStoreFile } from '../../../../electron/host/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (revision: number, text = `e${revision}`): JournalEntry => ({
  type: 'override',
  revision,
  at: '2019-05-20T10:00:00-07:00',
  override: { kind: 'alert', text },
});
const OLD = [
  entry(1),
  entry(2),
  { type: 'clock', revision: 3, at: '2019-05-20T10:01:00-07:00', clock: { mode: 'real' } },
] as JournalEntry[];
/** A store as an older Hallway wrote it: the journal inside config.json. */
const oldStore = (journal: JournalEntry[]) =>
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ journal, token: 't'.repeat(32), settings: { resumeRate: 3 } }),
  );
const fileLines = () =>
  readFileSync(journalPathIn(dir), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEntry);

describe('a journal kept in the conf store (older versions)', () => {
  it('moves to journal.jsonl on first start: same entries, key removed, settings kept, said once', async () => {
    oldStore(OLD);
    const lines: string[] = [];
    const store = openStore(dir, (l) => lines.push(l));
    const j = openJournal(dir, store, (l) => lines.push(l));
    expect(j.entries).toEqual(OLD);
    expect(fileLines()).toEqual(OLD);
    const conf = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(conf.journal).toBeUndefined();
    expect(conf.token).toBe('t'.repeat(32));
    expect(conf.settings).toEqual({ resumeRate: 3, journal: expect.any(String) });
    expect(lines).toEqual([expect.stringMatching(/moved 3 entries from .*config\.json to .*journal\.jsonl/)]);
    // The next entry follows; a second start has nothing to move.
    expect(
      (await j.append({ type: 'override', at: OLD[0]!.at, override: { kind: 'alert', text: 'new' } }))
        .revision,
    ).toBe(4);
    j.close();
    const again: string[] = [];
    const j2 = openJournal(
      dir,
      openStore(dir, (l) => again.push(l)),
      (l) => again.push(l),
    );
    expect(j2.revision).toBe(4);
    expect(again).toEqual([]);
    j2.close();
  });

  it('a crash after the file was written but before the key was removed: moved once, not twice', () => {
    oldStore(OLD);
    writeFileSync(journalPathIn(dir), OLD.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const lines: string[] = [];
    const j = openJournal(
      dir,
      openStore(dir, () => {}),
      (l) => lines.push(l),
    );
    expect(j.entries).toEqual(OLD);
    expect(lines).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).journal).toBeUndefined();
    j.close();
  });

  it('a store and a journal file that disagree: the file kept, the store’s entries set aside, loudly', () => {
    oldStore(OLD);
    writeFileSync(journalPathIn(dir), `${JSON.stringify(entry(1, 'other'))}\n`);
    const lines: string[] = [];
    const j = openJournal(
      dir,
      openStore(dir, () => {}),
      (l) => lines.push(l),
    );
    expect(j.entries).toEqual([entry(1, 'other')]);
    const aside = readdirSync(dir).filter((f) => f.startsWith('journal.from-config-'));
    expect(aside).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, aside[0]!), 'utf8'))).toEqual(OLD);
    expect(lines[0]).toMatch(/WARNING: .* differ/);
    j.close();
  });

  it('hallway now/export read an unmigrated store and a migrated one alike', () => {
    oldStore(OLD);
    expect(readStoreFile(dir)?.journal).toEqual(OLD);
    openJournal(
      dir,
      openStore(dir, () => {}),
      () => {},
    ).close();
    expect(readStoreFile(dir)?.journal).toEqual(OLD);
  });
});

describe('readStoreFile (read-only)', () => {
  it('leaves out a torn last line without touching the file', () => {
    const bytes = `${JSON.stringify(entry(1))}\n{"type":"overr`;
    writeFileSync(journalPathIn(dir), bytes);
    expect(readStoreFile(dir)?.journal).toEqual([entry(1)]);
    expect(readFileSync(journalPathIn(dir), 'utf8')).toBe(bytes);
  });

  it('refuses a bad line in the middle, naming the line and what serve would do', () => {
    writeFileSync(journalPathIn(dir), `${JSON.stringify(entry(1))}\nnope\n${JSON.stringify(entry(2))}\n`);
    expect(() => readStoreFile(dir)).toThrow(
      /line 2 of the journal .*journal\.jsonl is not JSON.*set the rest aside/,
    );
  });

  it('is null in an empty data dir', () => {
    expect(readStoreFile(dir)).toBeNull();
  });
});
