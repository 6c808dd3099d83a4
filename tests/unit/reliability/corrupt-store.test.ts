import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, inProcessHost, tempDir } from './helpers.js';

/**
 * A store file broken in every way we could think of: the host still starts, moves the bad file
 * aside byte for byte as config.corrupt-*.json, says where in a line, and starts with an empty log.
 */
const goodEntry = {
  type: 'override',
  revision: 1,
  at: '2019-05-20T10:40:00-07:00',
  override: { kind: 'alert', text: 'hello' },
};
const valid = JSON.stringify({ journal: [goodEntry], token: 'a'.repeat(32), settings: {} });

const CASES: [string, Buffer][] = [
  ['truncated JSON', Buffer.from(valid.slice(0, valid.length >> 1))],
  ['truncated to one byte', Buffer.from('{')],
  ['empty file', Buffer.alloc(0)],
  ['binary garbage', randomBytes(4096)],
  ['NUL bytes (power cut mid-write)', Buffer.alloc(2048)],
  ['UTF-16 with BOM', Buffer.from(`\ufeff${valid}`, 'utf16le')],
  ['JSON array', Buffer.from('[1,2,3]')],
  ['JSON null', Buffer.from('null')],
  ['journal not an array', Buffer.from(JSON.stringify({ journal: 'lots', settings: {} }))],
  ['entry of unknown type', Buffer.from(JSON.stringify({ journal: [{ ...goodEntry, type: 'nuke' }] }))],
  [
    'override failing its schema',
    Buffer.from(
      JSON.stringify({
        journal: [{ ...goodEntry, override: { kind: 'delay', session: 'x', minutes: 'late' } }],
      }),
    ),
  ],
  [
    'revisions going backwards',
    Buffer.from(
      JSON.stringify({
        journal: [
          { ...goodEntry, revision: 2 },
          { ...goodEntry, revision: 1 },
        ],
      }),
    ),
  ],
  ['token too short', Buffer.from(JSON.stringify({ journal: [], token: 'abc' }))],
  [
    'settings.clock invalid',
    Buffer.from(JSON.stringify({ journal: [], settings: { clock: { mode: 'warp' } } })),
  ],
  [
    'settings.resumeRate negative',
    Buffer.from(JSON.stringify({ journal: [], settings: { resumeRate: -5 } })),
  ],
];

const dirs: string[] = [];
const summary: string[] = [];
afterAll(() => {
  console.log(
    `corrupted store: ${summary.length} files tried, ${summary.filter((s) => s.endsWith('ok')).length} started with the file kept aside and named`,
  );
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a corrupted store file', () => {
  it.each(CASES)('%s: the host starts, keeps the bad bytes aside and says where', async (name, bytes) => {
    const dataDir = tempDir('hallway-corrupt-');
    dirs.push(dataDir);
    const storePath = join(dataDir, 'config.json');
    writeFileSync(storePath, bytes);

    const h = await inProcessHost({ dataDir });
    try {
      const aside = readdirSync(dataDir).filter((f) => /^config\.corrupt-.*\.json$/.test(f));
      expect(aside, `${name}: files in the data dir: ${readdirSync(dataDir).join(', ')}`).toHaveLength(1);
      const asidePath = join(dataDir, aside[0]!);
      expect(readFileSync(asidePath).equals(bytes), `${name}: the kept file has the original bytes`).toBe(
        true,
      );
      const line = h.lines.find((l) => l.includes(asidePath));
      expect(line, `${name}: no log line names ${asidePath}:\n${h.lines.join('\n')}`).toBeDefined();
      expect(line).toContain(storePath);

      // It runs, with an empty log, and writes a fresh good store it can read back.
      const snap = await api(h.host.url, 'GET', '/api/snapshot');
      expect(snap.status).toBe(200);
      expect((snap.json as { revision: number }).revision).toBe(0);
      const posted = await api(
        h.host.url,
        'POST',
        '/api/overrides',
        { kind: 'alert', text: 'after' },
        h.host.token,
      );
      expect(posted.status).toBe(201);
      expect(existsSync(storePath)).toBe(true);
      // The journal lives beside the store now, one line per entry.
      expect(readFileSync(join(dataDir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
      summary.push(`${name}: ok`);
    } finally {
      await h.close();
    }
  });

  it('a store corrupted twice keeps both bad files', async () => {
    const dataDir = tempDir('hallway-corrupt-');
    dirs.push(dataDir);
    const storePath = join(dataDir, 'config.json');
    writeFileSync(storePath, 'first bad');
    await (await inProcessHost({ dataDir })).close();
    writeFileSync(storePath, 'second bad');
    await (await inProcessHost({ dataDir })).close();
    const kept = readdirSync(dataDir)
      .filter((f) => f.startsWith('config.corrupt-'))
      .map((f) => readFileSync(join(dataDir, f), 'utf8'))
      .sort();
    expect(kept).toEqual(['first bad', 'second bad']);
  });

  it('a good store is never moved aside', async () => {
    const dataDir = tempDir('hallway-corrupt-');
    dirs.push(dataDir);
    writeFileSync(join(dataDir, 'config.json'), valid);
    const h = await inProcessHost({ dataDir });
    try {
      expect(readdirSync(dataDir).filter((f) => f.includes('corrupt'))).toEqual([]);
      const snap = await api(h.host.url, 'GET', '/api/snapshot');
      expect((snap.json as { revision: number }).revision).toBe(1);
    } finally {
      await h.close();
    }
  });
});
