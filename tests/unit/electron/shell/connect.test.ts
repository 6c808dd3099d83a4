import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTo, fetchSnapshot } from '../../../../electron/shell/connect.js';
import { type TestHost, testHost } from '../host/helpers.js';

// `--connect A,B`: the windows open against the first host that answers; the others go to the
// screens (?hosts=) so they move when theirs goes silent.
let real: TestHost;
beforeAll(async () => {
  real = await testHost();
});
afterAll(async () => {
  await real?.close();
});

const dead = 'http://127.0.0.1:9';
const refused = () => Promise.reject(new Error('ECONNREFUSED'));

describe('connectTo', () => {
  it('passes over a host that does not answer and keeps it for the screens', async () => {
    const origin = new URL(real.host.url).origin;
    const got = await connectTo([dead, origin], (o) => (o === dead ? refused() : fetchSnapshot(o)));
    expect(got.origin).toBe(origin);
    expect(got.rooms.length).toBeGreaterThan(0);
    expect(got.hosts).toEqual([origin, dead]);
  });

  it('adds the hosts the snapshot lists (a cluster’s) after those given', async () => {
    const origin = new URL(real.host.url).origin;
    const snapshot = await fetchSnapshot(origin);
    const listed = { ...(snapshot as object), hosts: [origin, 'http://10.0.0.9:8710/'] };
    const got = await connectTo([origin], () => Promise.resolve(listed));
    expect(got.hosts).toEqual([origin, 'http://10.0.0.9:8710']);
  });

  it('names every host and why when none answers', async () => {
    const other = 'http://127.0.0.1:10';
    await expect(
      connectTo([dead, other], (o) => (o === dead ? refused() : Promise.resolve({ hello: 'world' }))),
    ).rejects.toThrow(
      /no host answers: http:\/\/127\.0\.0\.1:9 does not answer \(ECONNREFUSED\); http:\/\/127\.0\.0\.1:10 is not a Hallway host/,
    );
  });
});
