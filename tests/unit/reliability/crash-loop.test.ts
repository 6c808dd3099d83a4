import { readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { OPML, api, serve, type ServeProcess, tempDir } from './helpers.js';

/**
 * `hallway serve` SIGKILLed in the middle of a burst of overrides, restarted on the same data dir,
 * 20 times over: every override the host acknowledged (2xx) is in the journal after the restart,
 * once, with the revision it was given, and the store never needs quarantining.
 */
const KILLS = 20;
const WORKERS = 4;
const data = tempDir('hallway-crash-');
afterAll(() => rmSync(data, { recursive: true, force: true }));

interface Acked {
  text: string;
  revision: number;
}

/**
 * Posts announcements from `WORKERS` loops until the host stops answering; `underway` resolves at
 * the round's first acknowledgement, so the kill lands mid-burst however slow a loaded machine is.
 */
function burst(
  host: ServeProcess,
  round: number,
  acked: Acked[],
): { underway: Promise<void>; done: Promise<{ sent: number; failed: number }> } {
  let started = () => {};
  const underway = new Promise<void>((r) => (started = r));
  return { underway, done: loops(host, round, acked, () => started()) };
}

async function loops(
  host: ServeProcess,
  round: number,
  acked: Acked[],
  onAck: () => void,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  let n = 0;
  let alive = true;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (alive) {
        const text = `round ${round} override ${n++}`;
        sent++;
        try {
          const res = await api(host.url, 'POST', '/api/overrides', { kind: 'announce', text }, host.token);
          if (res.status === 201) {
            acked.push({ text, revision: (res.json as { revision: number }).revision });
            onAck();
          } else throw new Error(`POST answered ${res.status}: ${res.text}`);
        } catch (e) {
          // Connection refused or reset: the kill landed. Anything else is a real failure.
          if (!/ECONNRESET|ECONNREFUSED|socket hang up|EPIPE/.test(String(e))) throw e;
          failed++;
          alive = false;
        }
      }
    }),
  );
  return { sent, failed };
}

describe('the host killed during a burst of overrides', () => {
  it(`loses no acknowledged override across ${KILLS} SIGKILLs`, async () => {
    const started = Date.now();
    const acked: Acked[] = [];
    let sent = 0;
    let cut = 0;
    let port = 0;
    for (let round = 0; round < KILLS; round++) {
      const host = await serve([
        '--program',
        OPML,
        '--data',
        data,
        '--port',
        String(port),
        '--clock',
        '2019-05-20T10:40:00-07:00',
        '--rate',
        '0',
      ]);
      port = host.port;
      const before = acked.length;
      const running = burst(host, round, acked);
      // Kill at a different moment each round: 80 to 400 ms after the burst got its first answer.
      await Promise.race([running.underway, running.done]);
      await new Promise((r) => setTimeout(r, 80 + ((round * 97) % 320)));
      host.child.kill('SIGKILL');
      await host.exited;
      const r = await running.done;
      sent += r.sent;
      cut += r.failed;
      expect(acked.length, `round ${round}: no override was acknowledged before the kill`).toBeGreaterThan(
        before,
      );
    }

    const host = await serve(['--program', OPML, '--data', data, '--port', String(port)]);
    const snap = (await api(host.url, 'GET', '/api/snapshot')).json as {
      revision: number;
      overrides: { revision: number; override?: { text?: string } }[];
    };
    host.child.kill('SIGTERM');
    await host.exited;

    const byText = new Map(snap.overrides.map((e) => [e.override?.text, e.revision]));
    const lost = acked.filter((a) => byText.get(a.text) !== a.revision);
    expect(lost, `acknowledged but lost or renumbered: ${JSON.stringify(lost.slice(0, 5))}`).toEqual([]);
    // Revisions count up from 1 with no gap and no repeat, and each text is there once.
    expect(snap.overrides.map((e) => e.revision)).toEqual(snap.overrides.map((_, i) => i + 1));
    expect(byText.size).toBe(snap.overrides.length);
    expect(
      readdirSync(data).filter((f) => f.includes('corrupt')),
      'the store needed quarantining',
    ).toEqual([]);
    console.log(
      `crash loop: ${KILLS} SIGKILLs survived, ${sent} overrides sent, ${acked.length} acknowledged, ${acked.length} found after restart (0 lost), ` +
        `${snap.overrides.length - acked.length} unacknowledged ones kept, ${cut} requests cut by the kill, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 180_000);
});
