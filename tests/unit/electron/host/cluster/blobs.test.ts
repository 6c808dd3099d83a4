// The cluster's bucket of program versions and images (no NATS here: a fake object store).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JetStreamClient } from 'nats';
import { afterEach, describe, expect, it } from 'vitest';
import { blobsOf, ClusterBlobs } from '../../../../../electron/host/cluster/blobs.js';
import { JournalUnavailable } from '../../../../../electron/host/journal.js';
import type { JournalEntry } from '../../../../../core/overrides/schema.js';
import { tempDir } from '../helpers.js';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const at = '2019-05-20T10:40:00-07:00';
const H = 'a'.repeat(64);
const image = (hash: string) => ({ hash, ext: 'png', width: 1, height: 1 });

describe('blobsOf', () => {
  it.each<[string, JournalEntry, string[]]>([
    [
      'an override names none',
      { type: 'override', revision: 1, at, override: { kind: 'alert', text: 'x' } },
      [],
    ],
    [
      'a program version names its file',
      { type: 'program', revision: 2, at, source: 's', hash: H, summary: '' },
      [`programs/${H}.json`],
    ],
    [
      'settings name every image once, wherever it is',
      {
        type: 'settings',
        revision: 3,
        at,
        settings: {
          slides: [
            {
              type: 'image',
              id: 's',
              heading: 'Sponsors',
              tiers: [
                {
                  logos: [
                    { image: image(H), name: 'A' },
                    { image: image('b'.repeat(64)), name: 'B' },
                  ],
                },
              ],
            },
            {
              type: 'image',
              id: 't',
              heading: 'Again',
              tiers: [{ logos: [{ image: image(H), name: 'A' }] }],
            },
          ],
        } as never,
      },
      [`images/${H}.png`, `images/${'b'.repeat(64)}.png`],
    ],
  ])('%s', (_, entry, names) => expect(blobsOf(entry).map((b) => b.name)).toEqual(names));
});

/** An object store in memory, as much of it as ClusterBlobs uses. */
function fakeBucket() {
  const objects = new Map<string, Uint8Array>();
  const store = {
    info: (name: string) => Promise.resolve(objects.has(name) ? { name, deleted: false } : null),
    putBlob: (meta: { name: string }, data: Uint8Array) => {
      objects.set(meta.name, data);
      return Promise.resolve({});
    },
    get: (name: string) => {
      const bytes = objects.get(name);
      if (!bytes) return Promise.resolve(null);
      return Promise.resolve({
        data: new ReadableStream<Uint8Array>({
          start(c) {
            c.enqueue(bytes);
            c.close();
          },
        }),
        error: Promise.resolve(null),
      });
    },
  };
  const js = { views: { os: () => Promise.resolve(store) } } as unknown as JetStreamClient;
  return { objects, js };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('ClusterBlobs', () => {
  const program = Buffer.from('{"a program":"version"}');
  const hash = hex(program);
  const entry: JournalEntry = { type: 'program', revision: 7, at, source: 'up.json', hash, summary: '' };
  const setup = () => {
    const dataDir = tempDir('hallway-blobs-');
    dirs.push(dataDir);
    const lines: string[] = [];
    const bucket = fakeBucket();
    return {
      dataDir,
      lines,
      bucket,
      blobs: new ClusterBlobs(dataDir, 'b', bucket.js, 3, (l) => lines.push(l)),
    };
  };

  it('puts the file an entry names before it is published, once', async () => {
    const { dataDir, bucket, blobs } = setup();
    mkdirSync(join(dataDir, 'programs'));
    writeFileSync(join(dataDir, 'programs', `${hash}.json`), program);
    await blobs.ensure(entry);
    expect(bucket.objects.get(`programs/${hash}.json`)).toEqual(program);
    bucket.objects.clear();
    await blobs.ensure(entry);
    expect(bucket.objects.size).toBe(0);
  });

  it('refuses an entry whose file is neither here nor in the bucket, naming it', async () => {
    const { blobs } = setup();
    await expect(blobs.ensure(entry)).rejects.toThrow(JournalUnavailable);
    await expect(blobs.ensure(entry)).rejects.toThrow(
      `programs/${hash}.json is neither in this host's data dir`,
    );
  });

  it('holds the entry until its file is in the bucket, takes only the bytes of its hash, and logs what it waits for', async () => {
    const { dataDir, lines, bucket, blobs } = setup();
    const path = join(dataDir, 'programs', `${hash}.json`);
    bucket.objects.set(`programs/${hash}.json`, Buffer.from('damaged'));
    let done = false;
    const fetching = blobs.fetch(entry, () => false).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(done).toBe(false);
    expect(existsSync(path)).toBe(false);
    expect(lines.join('\n')).toMatch(
      /revision 7 waits for programs\/[0-9a-f]+\.json .*does not match its hash/,
    );
    bucket.objects.set(`programs/${hash}.json`, program);
    await fetching;
    expect(readFileSync(path)).toEqual(program);
    expect(lines.at(-1)).toMatch(/got programs\/.*for revision 7/);
  });
});
