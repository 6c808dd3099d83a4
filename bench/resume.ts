import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROUTES } from '../core/protocol/index.js';
import { launch } from './browser.js';
import { type HallwayHost, postOk, startHallway } from './host.js';
import { fmt, type Row } from './table.js';
import { waitFor } from './util.js';

const MISSED = 100;
const ENV = { HALLWAY_REQUEST_LOG: '1' };
const requests = (host: HallwayHost, what: RegExp) =>
  host.child.output.filter((l) => l.startsWith('request: ') && what.test(l)).length;

/**
 * A room screen whose stream dropped (the host restarted) while staff made 100 changes: the time
 * from the stream being allowed back to the last change on screen, and how many snapshot
 * requests the host's request log shows meanwhile (the target: none).
 */
export async function resumeAfterMissed(root: string): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-resume-'));
  const browser = await launch();
  let host: HallwayHost | null = null;
  try {
    host = await startHallway(root, { dataDir, env: ENV });
    const port = Number(new URL(host.url).port);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${host.rooms[0]}?screen=bench-resume`);
    const first = host;
    await waitFor(
      async () => requests(first, /GET \/api\/events/) > 0,
      15_000,
      'the room page to open its stream',
    );
    // Keep the stream from coming back until the changes are made.
    await page.route('**/api/events**', (r) => r.abort());
    await host.stop();
    host = await startHallway(root, { dataDir, port, env: ENV });
    for (let i = 1; i < MISSED; i++)
      await postOk(host, ROUTES.overrides, { kind: 'announce', text: `missed ${i}` });
    await postOk(host, ROUTES.overrides, { kind: 'alert', text: `Missed change ${MISSED}` });
    const t = performance.now();
    await page.unroute('**/api/events**');
    await page.getByText(`Missed change ${MISSED}`).waitFor({ timeout: 20_000 });
    const ms = performance.now() - t;
    const snapshots = requests(host, /GET \/api\/snapshot/);
    const resumed = requests(host, /GET \/api\/events\?since=\d+ 200/);
    return [
      {
        measurement: `a room screen that missed ${MISSED} entries: stream back → caught up (ms)`,
        median: fmt(ms),
        spread: `${snapshots} snapshot request(s), ${resumed} resumed stream(s)`,
        target: 'over the stream, no snapshot fetch',
        met: snapshots === 0 && resumed > 0,
        note:
          'one run; the host restarted on the same data dir while the page’s event requests were refused, then ' +
          `${MISSED} changes posted; counted on the host's request log (HALLWAY_REQUEST_LOG=1). The time includes the ` +
          'page’s retry backoff (up to 1 s) before it reopens the stream',
      },
    ];
  } finally {
    await host?.stop();
    await browser.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
