import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../electron/host/follow-fetch.js';
import { tempDir } from './helpers.js';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(null)));
  server = null;
});

/** A server answering every request with `handler`; resolves its URL. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/s.xml`;
}

const CAP = 64 * 1024;
const opts = { timeoutMs: 2_000, maxBytes: CAP };

describe('fetchSource: a URL', () => {
  it('streams a chunked answer and stops reading once it passes the cap', async () => {
    let written = 0;
    let aborted = false;
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      // 10 MB, unless the client stops reading first.
      const pump = () => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (aborted = written < 10 * 1024 * 1024));
      pump();
    });
    await expect(fetchSource(url, opts)).rejects.toThrow(
      /more than the 0\.1 MB a schedule may be; stopped reading/,
    );
    await expect.poll(() => aborted).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-length': String(CAP * 10) });
      res.write('x');
    });
    await expect(fetchSource(url, opts)).rejects.toThrow(/the answer is 0\.7 MB, more than/);
  });

  it.each([
    [404, /HTTP 404 Not Found/],
    [503, /HTTP 503 Service Unavailable/],
  ])('an HTTP %d is a failure naming it', async (status, reason) => {
    const url = await serve((req, res) => res.writeHead(status).end('nope'));
    await expect(fetchSource(url, opts)).rejects.toThrow(reason);
  });

  it('sends the validators, and a 304 is "not modified"', async () => {
    let seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen = [req.headers['if-none-match'], req.headers['if-modified-since']];
      res.writeHead(304).end();
    });
    const got = await fetchSource(url, {
      ...opts,
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    expect(got).toEqual({ kind: 'not-modified' });
    expect(seen).toEqual(['"v1"', 'Tue, 01 Dec 2026 10:00:00 GMT']);
  });

  it('no server: "connection refused"', async () => {
    const url = await serve(() => {});
    server!.close();
    server!.closeAllConnections();
    server = null;
    await expect(fetchSource(url, opts)).rejects.toThrow(/connection was refused/);
  });
});

describe('fetchSource: a file', () => {
  it('its size and modification time stand in for an ETag; a file over the cap is refused', async () => {
    const dir = tempDir('hallway-follow-file-');
    const file = join(dir, 'schedule.xml');
    writeFileSync(file, '<schedule/>');
    const first = await fetchSource(file, opts);
    expect(first).toMatchObject({ kind: 'text', text: '<schedule/>' });
    const etag = first.kind === 'text' ? first.etag : undefined;
    expect(await fetchSource(file, { ...opts, ...(etag ? { etag } : {}) })).toEqual({ kind: 'not-modified' });
    writeFileSync(file, 'x'.repeat(CAP + 1));
    await expect(fetchSource(file, opts)).rejects.toThrow(/is 0\.1 MB, more than the 0\.1 MB/);
    await expect(fetchSource(join(dir, 'missing.xml'), opts)).rejects.toThrow(/no such file/);
  });
});
