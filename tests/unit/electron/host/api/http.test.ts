import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readBody } from '../../../../../electron/host/api/http.js';

const app = new Hono().post('/x', async (c) => {
  const body = await readBody(c, z.object({ a: z.string() }), 'the body');
  return body.ok ? c.json(body.value) : body.response;
});

/**
 * A body sent in chunks with no Content-Length, as a chunked upload arrives. A reader that keeps
 * pulling past 1 MiB is buffering what it should have refused: the stream fails it.
 */
function endless(size: number): ReadableStream<Uint8Array> {
  let pulled = 0;
  return new ReadableStream({
    pull(ctl) {
      pulled += size;
      if (pulled > 1024 * 1024) ctl.error(new Error('the reader buffered over 1 MiB'));
      else ctl.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBody', () => {
  it('refuses a chunked body past the limit without a Content-Length (413)', async () => {
    const res = await post(endless(64 * 1024));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than 262144 bytes/);
  });

  it('reads a chunked body under the limit', async () => {
    const text = new TextEncoder().encode('{"a":"b"}');
    const res = await post(
      new ReadableStream({
        start(ctl) {
          ctl.enqueue(text.slice(0, 4));
          ctl.enqueue(text.slice(4));
          ctl.close();
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ a: 'b' });
  });

  it.each([
    [
      'bad UTF-8',
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      400,
      /not valid UTF-8/,
    ],
    ['not JSON', new TextEncoder().encode('{a:'), 400, /not valid JSON/],
    ['a field of the wrong type', new TextEncoder().encode('{"a":1}'), 400, /.+/],
  ])('names the problem: %s', async (_, bytes, status, message) => {
    const res = await post(bytes);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
  });
});
