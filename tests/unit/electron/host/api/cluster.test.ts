import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLUSTER_ROUTE, ROUTES } from '../../../../../core/protocol/index.js';
import { type TestHost, testHost } from '../helpers.js';

let t: TestHost;
beforeEach(async () => {
  t = await testHost();
});
afterEach(() => t.close());

describe('a host of its own (no --cluster)', () => {
  it('GET /api/cluster says so (stream null), needs the token, and the snapshot lists no hosts', async () => {
    expect(await t.api('GET', CLUSTER_ROUTE)).toEqual({
      status: 200,
      json: { stream: null, self: '', hosts: [] },
    });
    expect((await t.api('GET', CLUSTER_ROUTE, undefined, null)).status).toBe(401);
    expect((await t.api('GET', ROUTES.snapshot)).json.hosts).toBeUndefined();
  });

  it('lets no other origin read the screen routes (no CORS without a cluster)', async () => {
    const res = await fetch(t.host.url + ROUTES.snapshot, { headers: { origin: 'http://10.0.0.9:8710' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });
});
