import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { type TestHost, testHost } from './helpers.js';

let t: TestHost;
afterEach(() => t.close());

/** Opens an event stream from `localAddress`: its status, its Retry-After and its error, if any. */
function open(localAddress: string) {
  return new Promise<{ status: number; retryAfter?: string; error?: string; close: () => void }>(
    (ok, fail) => {
      const req = request(
        { host: '127.0.0.1', port: t.host.port, path: ROUTES.events, agent: false, localAddress },
        (res) => {
          const close = () => req.destroy();
          const retryAfter = res.headers['retry-after'] as string | undefined;
          if (res.statusCode === 200) return ok({ status: 200, close });
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () =>
            ok({
              status: res.statusCode ?? 0,
              error: JSON.parse(text).error,
              close,
              ...(retryAfter ? { retryAfter } : {}),
            }),
          );
        },
      );
      req.on('error', fail);
      req.end();
    },
  );
}

describe('event stream caps', () => {
  it('refuses past the cap per address and in total with 503 and Retry-After, and frees a slot on close', async () => {
    t = await testHost({ limits: { maxStreams: 3, maxStreamsPerAddress: 2, limitLoopback: true } });
    const a = [await open('127.0.0.11'), await open('127.0.0.11')];
    const third = await open('127.0.0.11');
    expect(third).toMatchObject({ status: 503, retryAfter: '30' });
    expect(third.error).toBe(
      '127.0.0.11 already has 2 event streams open, the most one address may: try again later',
    );
    const b = await open('127.0.0.12');
    expect(b.status).toBe(200);
    const total = await open('127.0.0.13');
    expect(total.status).toBe(503);
    expect(total.error).toBe('the host already serves 3 event streams, the most it takes: try again later');
    expect(t.lines.filter((l) => l.startsWith('security:'))).toHaveLength(2);
    a[0]!.close();
    await expect.poll(async () => (await open('127.0.0.13')).status, { timeout: 5_000 }).toBe(200);
    for (const s of [...a, b]) s.close();
  });
});
