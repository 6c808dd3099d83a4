import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptStore, ensureToken, openStore, rotateToken } from '../../../../electron/host/store.js';
import { STORE_OPTIONS, type StoreShape } from '../../../../electron/host/store-schema.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = {
  type: 'override',
  revision: 1,
  at: '2019-05-20T10:00:00-07:00',
  override: { kind: 'alert', text: 'Fire drill' },
};

describe('openStore', () => {
  it('starts with no journal in a new data dir (the journal is journal.jsonl) and keeps what was written', () => {
    const lines: string[] = [];
    const store = openStore(dir, (l) => lines.push(l));
    expect(store.has('journal')).toBe(false);
    store.set('settings', { resumeRate: 2 });
    expect(openStore(dir, (l) => lines.push(l)).get('settings')).toEqual({ resumeRate: 2 });
    expect(lines).toEqual([]);
  });

  it.each([
    ['truncated JSON', '{"journal":[{"type":"override","revision":1,'],
    ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x80, 0x00, 0x7f])],
    ['an empty file', ''],
    [
      'a schema-invalid store',
      JSON.stringify({ journal: [{ type: 'override', revision: 'one' }], settings: {} }),
    ],
    [
      'revisions going backwards',
      JSON.stringify({ journal: [{ ...entry, revision: 2 }, entry], settings: {} }),
    ],
    ['a JSON array', '[1,2,3]'],
  ])('moves %s aside, says where in one line, and starts empty', (_what, content) => {
    const file = join(dir, 'config.json');
    writeFileSync(file, content);
    const lines: string[] = [];
    const store = openStore(dir, (l) => lines.push(l));
    expect(store.get('journal')).toBeUndefined();
    const aside = readdirSync(dir).filter((f) => /^config\.corrupt-.*\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!))).toEqual(Buffer.from(content));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, aside[0]!));
    expect(lines[0]).toContain('journal.jsonl beside it is not touched');
  });

  it('never moves aside twice into the same name', () => {
    writeFileSync(join(dir, 'config.json'), 'nope');
    openStore(dir, () => {});
    writeFileSync(join(dir, 'config.json'), 'nope again');
    openStore(dir, () => {});
    expect(readdirSync(dir).filter((f) => f.startsWith('config.corrupt-'))).toHaveLength(2);
  });
});

describe('adoptStore (a store the shell opened)', () => {
  it('moves an invalid file aside and clears the store', () => {
    const store = new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dir });
    writeFileSync(store.path, JSON.stringify({ journal: 'not a list' }));
    const lines: string[] = [];
    adoptStore(store, (l) => lines.push(l));
    expect(store.get('journal')).toBeUndefined();
    expect(lines[0]).toMatch(/moved it to .*config\.corrupt-/);
  });

  it('leaves a valid store alone', () => {
    const store = new Conf<StoreShape>({ ...STORE_OPTIONS, cwd: dir });
    store.set('journal', [entry as NonNullable<StoreShape['journal']>[number]]);
    adoptStore(store, () => {
      throw new Error('nothing to say');
    });
    expect(store.get('journal')).toHaveLength(1);
  });
});

describe('token', () => {
  it('is made once, kept, and replaced on rotate', () => {
    const store = openStore(dir, () => {});
    const t = ensureToken(store);
    expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(ensureToken(openStore(dir, () => {}))).toBe(t);
    const r = rotateToken(store);
    expect(r).not.toBe(t);
    expect(ensureToken(openStore(dir, () => {}))).toBe(r);
  });
});
