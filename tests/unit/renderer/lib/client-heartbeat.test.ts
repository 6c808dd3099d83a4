// Heartbeats go one at a time, so the host's last word from a screen is its latest revision.
import { describe, expect, it } from 'vitest';
import { HeartbeatSender } from '../../../../renderer/lib/client-heartbeat.js';

/** A sendOne whose calls stay in flight until `answer()`; each call records the revision then. */
function fakeHost() {
  let revision = 1;
  const sent: number[] = [];
  const pending: ((refused: string | null) => void)[] = [];
  return {
    set revision(r: number) {
      revision = r;
    },
    sent,
    sendOne: () =>
      new Promise<string | null>((resolve) => {
        sent.push(revision);
        pending.push(resolve);
      }),
    async answer(refused: string | null = null) {
      pending.shift()?.(refused);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('HeartbeatSender', () => {
  it('a beat asked for during one in flight goes after it, with the revision of then', async () => {
    const host = fakeHost();
    const beats = new HeartbeatSender(host.sendOne);
    const first = beats.send();
    host.revision = 2;
    void beats.send();
    host.revision = 3;
    void beats.send();
    expect(host.sent).toEqual([1]); // never two in flight
    await host.answer();
    expect(host.sent).toEqual([1, 3]); // the two asked meanwhile are one beat, the latest
    await host.answer();
    await expect(first).resolves.toBeNull();
    expect(host.sent).toEqual([1, 3]);
  });

  it('answers the refusal of the last beat sent, and sends anew once idle', async () => {
    const host = fakeHost();
    const beats = new HeartbeatSender(host.sendOne);
    const got = beats.send();
    await host.answer('the screen name "hall" is taken');
    await expect(got).resolves.toBe('the screen name "hall" is taken');
    host.revision = 5;
    void beats.send();
    expect(host.sent).toEqual([1, 5]);
  });
});
