import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, takesGzip } from '../../../../electron/host/static.js';
import { type TestHost, tempDir, testHost } from './helpers.js';

let t: TestHost | undefined;
afterEach(() => t?.close());

function fakeRenderer(): string {
  const dir = tempDir('hallway-renderer-');
  for (const page of ['room', 'lobby', 'admin'])
    writeFileSync(join(dir, `${page}.html`), `<!doctype html><title>${page}</title>`);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'room-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'secret.txt'), 'no');
  return dir;
}

describe('renderer pages', () => {
  it.each([
    ['/room/winchester', 'room', 'text/html'],
    ['/room/anything-at-all', 'room', 'text/html'],
    ['/lobby', 'lobby', 'text/html'],
    ['/admin', 'admin', 'text/html'],
    ['/assets/room-abc123.js', 'console.log(1)', 'text/javascript'],
    ['/favicon.svg', '<svg/>', 'image/svg+xml'],
  ])('%s is served with the strict CSP', async (path, body, type) => {
    t = await testHost({ rendererDir: fakeRenderer() });
    const res = await fetch(t.host.url + path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(body);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['/room/winchester', '</api/day?room=winchester&preload=1>; rel=preload; as=fetch; crossorigin'],
    ['/room/Hall%20A', '</api/day?room=Hall+A&preload=1>; rel=preload; as=fetch; crossorigin'],
    ['/room/winchester?at=2019-05-20T10:00:00-07:00', null],
    ['/lobby', '</api/day?preload=1>; rel=preload; as=fetch; crossorigin'],
    ['/lobby?at=2019-05-20T10:00:00-07:00', null],
    ['/admin', null],
  ])('%s preloads its day cut: %s', async (path, link) => {
    t = await testHost({ rendererDir: fakeRenderer() });
    expect((await fetch(t.host.url + path)).headers.get('link')).toBe(link);
  });

  it.each([
    '/assets/..%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/etc/passwd',
    '/room.html',
    '/assets/missing.js',
    '/nope',
  ])('%s → 404', async (path) => {
    t = await testHost({ rendererDir: fakeRenderer() });
    expect((await fetch(t.host.url + path)).status).toBe(404);
  });

  it('the CSP allows only our own scripts, no plugins, no foreign framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });

  it('without a built renderer the pages answer 503 saying how to build it', async () => {
    t = await testHost();
    const res = await fetch(`${t.host.url}/lobby`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:renderer');
  });

  it('/favicon.ico without one → 204, not a 404 in every console', async () => {
    t = await testHost({ rendererDir: fakeRenderer() });
    expect((await fetch(`${t.host.url}/favicon.ico`)).status).toBe(204);
  });

  it('/ goes to the lobby', async () => {
    t = await testHost({ rendererDir: fakeRenderer() });
    const res = await fetch(`${t.host.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/lobby');
  });
});

describe('takesGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['br', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (accept, want) => {
    expect(takesGzip(accept)).toBe(want);
  });
});

/** GET with our own Accept-Encoding (fetch would send and undo gzip itself): status, headers, raw body. */
function getRaw(url: string, accept: string) {
  return new Promise<{
    status: number;
    encoding: string | undefined;
    vary: string | undefined;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          vary: res.headers.vary,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bundles are read and gzipped once, again when rebuilt', () => {
  it('answers gzip to a client that takes it, plain to one that does not, and the new file after a rebuild', async () => {
    const dir = fakeRenderer();
    const bundle = join(dir, 'assets', 'big-abc123.js');
    const first = `const a = ${JSON.stringify('x'.repeat(4000))};`;
    writeFileSync(bundle, first);
    t = await testHost({ rendererDir: dir });
    const url = `${t.host.url}/assets/big-abc123.js`;
    for (let i = 0; i < 2; i++) {
      const zipped = await getRaw(url, 'gzip, br');
      expect(zipped.encoding).toBe('gzip');
      expect(zipped.vary).toContain('Accept-Encoding');
      expect(gunzipSync(zipped.body).toString()).toBe(first);
      expect(zipped.body.length).toBeLessThan(first.length / 10);
    }
    const plain = await getRaw(url, 'identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(first);
    const second = `const b = ${JSON.stringify('y'.repeat(5000))};`;
    writeFileSync(bundle, second);
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(gunzipSync((await getRaw(url, 'gzip')).body).toString()).toBe(second);
    expect((await getRaw(url, 'identity')).body.toString()).toBe(second);
  });
});
