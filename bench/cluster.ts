import { ROUTES } from '../core/protocol/index.js';
import { startNatsCluster } from '../tests/support/nats-cluster.js';
import { type HallwayHost, postOk, startHallway } from './host.js';
import { median, percentile } from './stats.js';
import { fmt, type Row } from './table.js';

/** Stream clients per host, and changes timed: p99 over ≥ 300 samples per set-up. */
const CLIENTS_PER_HOST = 10;
const RUNS = 30;

/** An event stream whose `journal` events resolve the waiter for their revision. */
class Stream {
  #waiters = new Map<number, (at: number) => void>();
  #controller = new AbortController();
  opened: Promise<void>;

  constructor(url: string) {
    let open!: () => void;
    this.opened = new Promise((r) => (open = r));
    void (async () => {
      const res = await fetch(`${url}${ROUTES.events}`, { signal: this.#controller.signal });
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          if (block.includes('event: hello')) open();
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (id) this.#waiters.get(Number(id))?.(performance.now());
        }
      }
    })().catch(() => {});
  }

  arrival(revision: number): Promise<number> {
    return new Promise((resolve) => this.#waiters.set(revision, resolve));
  }

  close(): void {
    this.#controller.abort();
  }
}

/** Times `RUNS` changes posted to `writer` until every stream of `hosts` has it. */
async function timeChanges(writer: HallwayHost, hosts: HallwayHost[], until: number): Promise<number[]> {
  const streams = hosts.flatMap((h) => Array.from({ length: CLIENTS_PER_HOST }, () => new Stream(h.url)));
  try {
    await Promise.all(streams.map((s) => s.opened));
    const samples: number[] = [];
    for (let run = 0; run < RUNS && Date.now() < until; run++) {
      const health = (await (await fetch(writer.url + ROUTES.health)).json()) as { revision: number };
      const next = health.revision + 1;
      const arrivals = streams.map((s) => s.arrival(next));
      const t0 = performance.now();
      await postOk(writer, ROUTES.overrides, { kind: 'announce', text: `bench ${run}` });
      for (const at of await Promise.all(arrivals)) samples.push(at - t0);
    }
    return samples;
  } finally {
    for (const s of streams) s.close();
  }
}

/** Waits until the host takes writes (its stream made and joined). */
async function ready(h: HallwayHost): Promise<void> {
  for (let t = 0; ; t++) {
    const res = await h.post(ROUTES.overrides, { kind: 'announce', text: 'ready' });
    if (res.ok) return;
    if (t > 200) throw new Error(`host ${h.url} takes no writes: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A change posted to one host until it is on the event streams of two hosts sharing a journal
 * through a 3-node NATS JetStream cluster, beside the same on one host alone (issue #18).
 */
export async function clusterChange(root: string, until: number): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (what: string, samples: number[], note: string): Row => ({
    measurement: what,
    median: fmt(median(samples)),
    spread: `p99 ${fmt(percentile(samples, 99))}`,
    target: '(informs)',
    met: null,
    note: `${samples.length} samples, ${note}`,
  });
  const single = await startHallway(root);
  try {
    const s = await timeChanges(single, [single], until);
    rows.push(row('change → 10 streams, one host (ms)', s, `${CLIENTS_PER_HOST} HTTP stream clients`));
  } finally {
    await single.stop();
  }
  const nats = await startNatsCluster(3);
  try {
    const args = ['--cluster', nats.urls.join(','), '--cluster-stream', `BENCH_${process.pid}`];
    const [a, b] = await Promise.all([startHallway(root, { args }), startHallway(root, { args })]);
    try {
      await ready(a);
      await ready(b);
      const s = await timeChanges(a, [a, b], until + 30_000);
      rows.push(
        row(
          'change → 20 streams on two hosts, 3-node NATS cluster (ms)',
          s,
          `${CLIENTS_PER_HOST} per host, posted to one; stored on a quorum before it is streamed`,
        ),
      );
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  } finally {
    await nats.stop();
  }
  return rows;
}
