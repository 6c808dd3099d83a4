import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../core/protocol/index.js';
import { startFloorServer } from './floor.js';
import { type HallwayHost, postOk, startHallway } from './host.js';
import { median, percentile } from './stats.js';
import { fmt, type Row } from './table.js';

const WORKER = fileURLToPath(new URL('./sse-clients.mjs', import.meta.url));
const WORKERS = 4;

type Message = { opened?: number; armed?: boolean; stamps?: (number | null)[]; error?: string };

/** N plain HTTP stream clients of `url`, spread over a few worker processes. */
class Clients {
  #workers: ChildProcess[] = [];

  static async open(url: string, n: number, timeoutMs = 60_000): Promise<Clients> {
    const c = new Clients();
    const per = Math.ceil(n / WORKERS);
    const counts = Array.from({ length: WORKERS }, (_, i) => Math.max(0, Math.min(per, n - i * per))).filter(
      (k) => k > 0,
    );
    c.#workers = counts.map((k) =>
      fork(WORKER, [url, String(k)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }),
    );
    try {
      await c.#all((m) => m.opened !== undefined, timeoutMs, `all ${n} streams to open`);
    } catch (e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Waits for one message matching `ok` from every worker; an error message fails it. */
  #all(ok: (m: Message) => boolean, timeoutMs: number, what: string): Promise<Message[]> {
    return Promise.all(
      this.#workers.map(
        (w) =>
          new Promise<Message>((resolve, reject) => {
            const timer = setTimeout(() => {
              w.off('message', on);
              reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
            }, timeoutMs);
            const on = (m: Message) => {
              if (m.error) {
                clearTimeout(timer);
                w.off('message', on);
                reject(new Error(m.error));
              } else if (ok(m)) {
                clearTimeout(timer);
                w.off('message', on);
                resolve(m);
              }
            };
            w.on('message', on);
          }),
      ),
    );
  }

  /** One change: arm every client for `text`, trigger, and the latency of each client (ms). */
  async once(
    text: string,
    trigger: () => Promise<void>,
    timeoutMs = 20_000,
  ): Promise<{ ms: number[]; missed: number }> {
    const armed = this.#all((m) => m.armed === true, 10_000, 'the clients to arm');
    for (const w of this.#workers) w.send({ arm: text });
    await armed;
    const got = this.#all((m) => m.stamps !== undefined, timeoutMs + 5_000, 'the stamps');
    const t0 = Date.now();
    await trigger();
    const timer = setTimeout(() => this.#workers.forEach((w) => w.send({ collect: true })), timeoutMs);
    const stamps = (await got).flatMap((m) => m.stamps ?? []);
    clearTimeout(timer);
    const ms = stamps.filter((s): s is number => s !== null).map((s) => s - t0);
    return { ms, missed: stamps.length - ms.length };
  }

  close(): void {
    for (const w of this.#workers) w.kill('SIGKILL');
  }
}

/** Resident memory of a process and its children (kB → MB), from /proc (Linux). */
function rssMb(pid: number): number | null {
  try {
    const kb = (p: number): number => {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return Number(m?.[1] ?? 0) + kids.reduce((s, k) => s + kb(Number(k)), 0);
    };
    return kb(pid) / 1024;
  } catch {
    return null;
  }
}

async function series(clients: Clients, label: string, runs: number, push: (text: string) => Promise<void>) {
  const samples: number[] = [];
  let missed = 0;
  for (let i = 0; i < runs + 1; i++) {
    const text = `${label}-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const r = await clients.once(text, () => push(text));
    // The first is a warm-up.
    if (i > 0) {
      samples.push(...r.ms);
      missed += r.missed;
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  return { samples, missed };
}

/**
 * Change → N screens at 1,000 and 5,000, the screens being plain HTTP stream clients in worker
 * processes: the bare SSE server (the floor) and `hallway serve`, in the same run, and the host's
 * resident memory with 5,000 streams open.
 */
export async function httpFanout(root: string, sizes = [1_000, 5_000], runs = 5): Promise<Row[]> {
  const rows: Row[] = [];
  const floor = await startFloorServer();
  let host: HallwayHost | null = null;
  try {
    host = await startHallway(root);
    for (const n of sizes) {
      const fc = await Clients.open(`${floor.url}events`, n);
      let f;
      try {
        f = await series(fc, 'floor', runs, async (text) => {
          const res = await fetch(`${floor.url}broadcast`, { method: 'POST', body: text });
          if (!res.ok) throw new Error(`floor /broadcast answered ${res.status}`);
        });
      } finally {
        fc.close();
      }
      const h = host;
      const pid = h.child.proc.pid;
      const rssBefore = pid ? rssMb(pid) : null;
      const hc = await Clients.open(h.url + ROUTES.events, n);
      let r;
      let rss: number | null;
      try {
        r = await series(hc, 'hallway', runs, async (text) => {
          await postOk(h, ROUTES.overrides, { kind: 'alert', text });
        });
        rss = pid ? rssMb(pid) : null;
      } finally {
        hc.close();
      }
      const fp99 = percentile(f.samples, 99);
      const hp99 = percentile(r.samples, 99);
      const ratio = hp99 / fp99;
      const rssOk = n < 5_000 || (rss !== null && rss < 250);
      const perStream =
        rss !== null && rssBefore !== null
          ? `; host RSS ${fmt(rssBefore)} MB before the streams opened, ${fmt(((rss - rssBefore) * 1024) / n)} KB per stream`
          : '';
      rows.push(
        {
          measurement: `floor: change → ${n.toLocaleString('en')} HTTP stream clients (ms)`,
          median: fmt(median(f.samples)),
          spread: `p99 ${fmt(fp99)}`,
          target: '(reference)',
          met: null,
          note: `bare node:http SSE server; ${n} plain HTTP clients in ${WORKERS} worker processes; ${runs} runs after a warm-up${f.missed ? `; ${f.missed} deliveries missed` : ''}`,
        },
        {
          measurement: `change → ${n.toLocaleString('en')} screens (HTTP stream clients, ms)`,
          median: fmt(median(r.samples)),
          spread: `p99 ${fmt(hp99)} = ${fmt(ratio)}× floor${rss !== null ? `; host RSS ${fmt(rss)} MB` : ''}`,
          target: n >= 5_000 ? 'p99 ≤ 1.5× floor; RSS < 250 MB' : 'p99 ≤ 1.5× floor',
          met: ratio <= 1.5 && rssOk && r.missed === 0,
          note:
            `the same clients on GET ${ROUTES.events}, an alert POSTed per run; from just before the POST to each client's ` +
            `chunk carrying it${perStream}${r.missed ? `; ${r.missed} deliveries missed` : ''}` +
            (ratio > 1.5
              ? '. Missed: each entry is one frame written to every response in one turn, as the floor does; what is ' +
                'left is the POST itself (the journal fsync, the check against the effective program) and a frame ' +
                'of ~300 bytes against the floor’s ~40 for the clients to read, on 2 cores shared with them; a quieter ' +
                'machine, or clients on another one, would show how much of it is the load'
              : ''),
        },
      );
    }
  } finally {
    await host?.stop();
    await floor.child.stop();
  }
  return rows;
}
