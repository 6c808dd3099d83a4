import type { CDPSession } from '@playwright/test';
import { launch, openScreen } from './browser.js';
import { startHallway } from './host.js';
import { fmt, type Row } from './table.js';
import { sleep } from './util.js';

export const IDLE_MS = 60_000;

async function processCpu(cdp: CDPSession): Promise<Record<string, number>> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as {
    processInfo: { type: string; id: number; cpuTime: number }[];
  };
  const out: Record<string, number> = {};
  for (const p of processInfo) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

/**
 * One room screen left alone for 60 s on a running clock (rate 1), its loop turning. Its own
 * browser, so the process-level figures belong to this one page.
 */
export async function idleCost(root: string): Promise<Row[]> {
  const browser = await launch();
  const host = await startHallway(root, { rate: 1 });
  try {
    const url = host.rooms.find((u) => u.endsWith('/room/winchester')) ?? (host.rooms[0] as string);
    const screen = await openScreen(browser, url);
    await screen.page.waitForLoadState('load');
    await sleep(5_000); // past start-up: fonts, first snapshot, first heartbeat
    const browserCdp = await browser.newBrowserCDPSession();
    // One session for both readings: enabling the domain again would restart its counters.
    const pageCdp = await screen.context.newCDPSession(screen.page);
    await pageCdp.send('Performance.enable');
    const read = async () =>
      Object.fromEntries(
        (await pageCdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
      );
    const m0 = await read();
    const p0 = await processCpu(browserCdp).catch(() => null);
    await sleep(IDLE_MS);
    const m1 = await read();
    const p1 = await processCpu(browserCdp).catch(() => null);
    const secs = m1.Timestamp! - m0.Timestamp! || IDLE_MS / 1000;
    const d = (k: string) => (m1[k] ?? 0) - (m0[k] ?? 0);
    const cpuPct = (d('ProcessTime') / secs) * 100;
    const mainPct = (d('TaskDuration') / secs) * 100;
    const perMin = 60 / secs;
    const gpu = p0 && p1 ? (((p1.GPU ?? 0) - (p0.GPU ?? 0)) / secs) * 100 : null;
    const browserPct = p0 && p1 ? (((p1.browser ?? 0) - (p0.browser ?? 0)) / secs) * 100 : null;
    const layoutsPerMin = d('LayoutCount') * perMin;
    // A room screen's text changes at most once a minute (the clock shows minutes): more than a
    // layout a second means something re-renders or re-measures on a timer.
    const why =
      cpuPct >= 0.5
        ? `. Missed: ${fmt(layoutsPerMin)} layouts and ${fmt(d('RecalcStyleCount') * perMin)} style recalcs a minute, ` +
          `${fmt((d('LayoutDuration') / secs) * 100, '%')} of a core in layout and ${fmt((d('ScriptDuration') / secs) * 100, '%')} ` +
          'in script, on a screen whose text changes once a minute. What would meet it: update the view at minute ' +
          'boundaries instead of every second, and refit text (renderer/lib/fit.ts binary-searches the font size, ' +
          'forcing a layout per step) only when the text or the box changes'
        : '';
    const errors = screen.errors.length ? `; ${screen.errors.length} page errors: ${screen.errors[0]}` : '';
    await screen.context.close();
    return [
      {
        measurement: 'idle room screen: renderer CPU (% of one core)',
        median: fmt(cpuPct, '%'),
        spread: `main thread ${fmt(mainPct, '%')}`,
        target: '< 0.5 %',
        met: cpuPct < 0.5,
        note:
          `Performance.getMetrics ProcessTime over ${secs.toFixed(0)} s, clock at rate 1; main thread = TaskDuration (wall time of its tasks, so inflated when the machine is busy)` +
          (gpu !== null
            ? `; outside the renderer: GPU process ${fmt(gpu, '%')}, browser process ${fmt(browserPct ?? 0, '%')}`
            : '') +
          why +
          errors,
      },
      {
        measurement: 'idle room screen: layouts per minute',
        median: fmt(layoutsPerMin),
        spread: `style recalcs ${fmt(d('RecalcStyleCount') * perMin)}/min`,
        target: '',
        met: null,
      },
      {
        measurement: 'idle room screen: JS heap used (MB)',
        median: fmt((m1.JSHeapUsedSize ?? 0) / 2 ** 20),
        spread: `${fmt((m0.JSHeapUsedSize ?? 0) / 2 ** 20)} → ${fmt((m1.JSHeapUsedSize ?? 0) / 2 ** 20)}`,
        target: '',
        met: null,
        note: 'no forced GC here: start → end of the idle minute; DOM nodes ' + `${m0.Nodes} → ${m1.Nodes}`,
      },
    ];
  } finally {
    await host.stop();
    await browser.close();
  }
}
