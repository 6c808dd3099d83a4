import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import { Journal } from '../../../../electron/host/journal.js';
import { openStore } from '../../../../electron/host/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = '2019-05-20T10:00:00-07:00';
const alert = (text: string) => ({
  type: 'override' as const,
  at,
  override: { kind: 'alert' as const, text },
});

describe('Journal', () => {
  it('numbers entries 1, 2, 3 and has each on disk when append returns', () => {
    const j = new Journal(openStore(dir, () => {}));
    expect(j.revision).toBe(0);
    for (const text of ['a', 'b', 'c']) {
      const e = j.append(alert(text));
      const onDisk = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        journal: JournalEntry[];
      };
      expect(onDisk.journal.at(-1)).toEqual(e);
    }
    expect(j.entries.map((e) => e.revision)).toEqual([1, 2, 3]);
  });

  it('continues the numbering after a reopen', () => {
    new Journal(openStore(dir, () => {})).append(alert('a'));
    const j = new Journal(openStore(dir, () => {}));
    expect(j.append(alert('b')).revision).toBe(2);
  });

  it.each([
    [0, [1, 2, 3]],
    [1, [2, 3]],
    [3, []],
    [99, []],
  ])('since(%i) gives the later entries in order', (since, want) => {
    const j = new Journal(openStore(dir, () => {}));
    ['a', 'b', 'c'].forEach((t) => j.append(alert(t)));
    expect(j.since(since).map((e) => e.revision)).toEqual(want);
  });

  it('tells subscribers after the write, and stops when unsubscribed', () => {
    const j = new Journal(openStore(dir, () => {}));
    const seen: number[] = [];
    const off = j.subscribe((e) => seen.push(e.revision));
    j.append(alert('a'));
    off();
    j.append(alert('b'));
    expect(seen).toEqual([1]);
  });

  it('keeps the other settings when a clock change writes its own', () => {
    const store = openStore(dir, () => {});
    store.set('settings', { kiosk: 'x' } as never);
    new Journal(store).append(
      { type: 'clock', at, clock: { mode: 'real' } },
      { clock: { mode: 'real' }, resumeRate: 1 },
    );
    expect(store.get('settings')).toEqual({ kiosk: 'x', clock: { mode: 'real' }, resumeRate: 1 });
  });
});
