import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import {
  Journal,
  JournalUnavailable,
  type JournalReplica,
  StaleRevision,
} from '../../../../electron/host/journal.js';
import { HostClock } from '../../../../electron/host/clock.js';
import { HostState } from '../../../../electron/host/state.js';
import { readProgramFile } from '../../../../electron/host/program-file.js';
import { FIXTURE_PROGRAM } from './helpers.js';

// The journal's replica seam: the cluster's stream, played here by a shared in-memory log that
// hands every stored entry back to each journal in order (as the ordered consumer does).
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-replica-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = '2019-05-20T10:00:00-07:00';
const alert = (text: string) => ({
  type: 'override' as const,
  at,
  override: { kind: 'alert' as const, text },
});

/** A stream: publish with expected last sequence; every follower gets every entry, in order. */
class FakeStream {
  log: JournalEntry[] = [];
  followers: Journal[] = [];
  down = false;
  replica(): JournalReplica {
    return {
      publish: async (entry, after) => {
        if (this.down) throw new JournalUnavailable('no quorum');
        if (after !== this.log.length) throw new StaleRevision(this.log.length);
        const stored = { ...entry, revision: this.log.length + 1 } as JournalEntry;
        this.log.push(stored);
        // Delivered later, as a consumer would.
        setTimeout(() => this.followers.forEach((j) => j.receive(stored)), 5);
        return stored.revision;
      },
    };
  }
  join(name: string): Journal {
    const j = new Journal(join(dir, `${name}.jsonl`));
    j.replicate(this.replica());
    j.adopt('STREAM-1');
    this.followers.push(j);
    return j;
  }
}

const fileLines = (name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean);

describe('a journal with a replica', () => {
  it('counts an entry once the replica handed it back, keeps it in its cache file, the same on every host', async () => {
    const stream = new FakeStream();
    const [a, b] = [stream.join('a'), stream.join('b')];
    const e = await a.append(alert('one'));
    expect(e.revision).toBe(1);
    expect(a.revision).toBe(1);
    await b.reach(1);
    expect(b.entries).toEqual(a.entries);
    expect(fileLines('a')).toEqual(fileLines('b'));
    expect(a.id).toBe('STREAM-1');
  });

  it.each([
    ['no quorum', (s: FakeStream) => (s.down = true), JournalUnavailable],
    [
      'another host wrote first',
      (s: FakeStream) => s.log.push({ ...alert('other'), revision: 1 }),
      StaleRevision,
    ],
  ])('%s: the append throws and nothing is written here', async (_what, spoil, error) => {
    const stream = new FakeStream();
    const a = stream.join('a');
    spoil(stream);
    await expect(a.append(alert('lost'))).rejects.toBeInstanceOf(error);
    expect(
      a.entries.filter(
        (e) => e.type === 'override' && e.override.kind === 'alert' && e.override.text === 'lost',
      ),
    ).toEqual([]);
    expect(fileLines('a').join('')).not.toContain('lost');
  });

  it('a repeated entry (a consumer that started again) is taken once', () => {
    const j = new Journal(join(dir, 'c.jsonl'));
    const e = { ...alert('x'), revision: 1 } as JournalEntry;
    j.receive(e);
    j.receive(e);
    expect(j.entries).toHaveLength(1);
    expect(fileLines('c')).toHaveLength(1);
  });

  it('a cache of another stream is refused, not mixed in', () => {
    const j = new Journal(join(dir, 'd.jsonl'), { id: 'OLD-STREAM' });
    j.receive({ ...alert('x'), revision: 1 } as JournalEntry);
    expect(() => j.adopt('NEW-STREAM')).toThrow(/caches another journal \(OLD-STREAM\).*move it aside/);
  });
});

describe('two hosts checking changes against one replicated journal', () => {
  it('the second of two conflicting moves into one slot is checked again and refused with the 409 naming the clash', async () => {
    const { program } = await readProgramFile(FIXTURE_PROGRAM);
    const stream = new FakeStream();
    const [a, b] = [
      new HostState(program, stream.join('a'), new HostClock()),
      new HostState(program, stream.join('b'), new HostClock()),
    ];
    const results = await Promise.allSettled([
      a.acceptOverride({ kind: 'move', session: 't1-production', room: 'santa-clara-ballroom' }),
      b.acceptOverride({ kind: 'move', session: 't2-deep-learning', room: 'santa-clara-ballroom' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(stream.log).toHaveLength(1);
  });
});
