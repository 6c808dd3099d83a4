import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGE_LIMITS, ROUTES } from '../../../../core/protocol/index.js';
import { png, pngHeader } from '../../core/images/images.js';
import { type TestHost, testHost } from './helpers.js';

let t: TestHost | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function upload(
  host: TestHost,
  body: Uint8Array,
  token: string | null = host.host.token,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(host.host.url + ROUTES.images, {
    method: 'POST',
    headers: {
      'content-type': 'image/png',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/images, GET /images/<hash>.<ext>', () => {
  it('keeps an image by its content and serves it same-origin, cached for good', async () => {
    t = await testHost();
    const file = png(4, 3);
    const r = await upload(t, file);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ ext: 'png', width: 4, height: 3, bytes: file.length });
    const hash = r.json.hash as string;
    expect(readFileSync(join(t.dataDir, 'images', `${hash}.png`))).toEqual(file);
    // The same file again: the same name, nothing new written.
    expect((await upload(t, file)).status).toBe(200);

    const res = await fetch(`${t.host.url}/images/${hash}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self'");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(file);
    expect((await fetch(`${t.host.url}/images/${hash}.jpg`)).status).toBe(404);
    expect((await fetch(`${t.host.url}/images/..%2Fconfig.json`)).status).toBe(404);
  });

  it.each<[string, () => Uint8Array, number, RegExp]>([
    ['not an image', () => Buffer.from('just text'), 415, /^not an image Hallway takes/],
    ['an SVG', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 415, /^SVG is refused/],
    [
      'too large',
      () => Buffer.alloc(IMAGE_LIMITS.maxBytes + 1, 1),
      413,
      /more than the 5 MB an image may be/,
    ],
    ['too big in pixels', () => pngHeader(8000, 100), 415, /8000×100 pixels, more than the 4096 a side/],
  ])('refuses %s with the reason, storing nothing', async (_what, body, status, reason) => {
    t = await testHost();
    const r = await upload(t, body());
    expect(r.status).toBe(status);
    expect(r.json.error).toMatch(reason);
    expect(existsSync(join(t.dataDir, 'images'))).toBe(false);
  });

  it('needs the token', async () => {
    t = await testHost();
    expect((await upload(t, png(1, 1), null)).status).toBe(401);
  });
});
