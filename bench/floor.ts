import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { closeAll, openScreens } from './browser.js';
import { fanoutSeries, type FanoutSeries } from './fanout.js';
import { spawnUntil, type Child } from './proc.js';
import { waitFor } from './util.js';

export interface FloorServer {
  url: string;
  child: Child;
}

export async function startFloorServer(): Promise<FloorServer> {
  const file = fileURLToPath(new URL('./floor-server.ts', import.meta.url));
  const child = await spawnUntil(process.execPath, ['--import', 'tsx', file], (out) =>
    out.some((l) => l.startsWith('listening ')),
  );
  const line = child.output.find((l) => l.startsWith('listening ')) as string;
  return { url: line.slice('listening '.length).trim(), child };
}

/** N bare pages, each in its own context, all with their stream open; then the fan-out series. */
export async function measureFloor(
  browser: Browser,
  server: FloorServer,
  n: number,
  runs: number,
  until?: number,
): Promise<FanoutSeries> {
  const clients = async () => Number(await (await fetch(`${server.url}clients`)).text());
  // The previous series' pages may still be closing: start from no open streams.
  await waitFor(
    async () => (await clients()) === 0,
    10_000,
    'the previous floor pages to close their streams',
  );
  const screens = await openScreens(
    browser,
    Array.from({ length: n }, () => server.url),
    10,
  );
  try {
    await waitFor(async () => (await clients()) >= n, 15_000, `all ${n} floor pages to open their stream`);
    const trigger = async (text: string) => {
      const t0 = Date.now();
      const res = await fetch(`${server.url}broadcast`, { method: 'POST', body: text });
      if (res.status !== 204) throw new Error(`floor broadcast answered ${res.status}`);
      return t0;
    };
    return await fanoutSeries(
      screens.map((s) => s.page),
      trigger,
      { runs, warmups: 2, label: 'floor', ...(until !== undefined ? { until } : {}) },
    );
  } finally {
    await closeAll(screens);
  }
}
