import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/host/static.js';
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
