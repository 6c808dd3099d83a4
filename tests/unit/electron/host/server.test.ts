import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, Snapshot } from '../../../../core/protocol/index.js';
import { type TestHost, testHost } from './helpers.js';

/** A raw GET (fetch would undo the gzip): status, headers and the first bytes of the body. */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        // The event stream never ends: the first event is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy();
      });
      res.on('close', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await testHost();
  });
  afterAll(() => t.close());

  it('gzips the snapshot for clients that accept it', async () => {
    const res = await get(t.host.url + ROUTES.snapshot, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(() => Snapshot.parse(JSON.parse(gunzipSync(res.body).toString('utf8')))).not.toThrow();
  });

  it('sends it plain to clients that do not', async () => {
    const res = await get(t.host.url + ROUTES.snapshot, {});
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Snapshot.safeParse(JSON.parse(res.body.toString('utf8'))).success).toBe(true);
  });

  it('never compresses the event stream (a compressor would hold events back)', async () => {
    const res = await get(t.host.url + ROUTES.events, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toMatch(/^event: hello$/m);
  });
});
