import type { NatsConnection, Subscription } from 'nats';
import { ClusterHost, type ClusterInfo } from '../../../core/protocol/cluster.js';
import type { NatsJournal } from './nats-journal.js';

/** How often a host says it is there, and how long one unheard of still counts. */
const ANNOUNCE_MS = 1_000;
const GONE_AFTER_MS = 4_000;

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The hosts of one cluster, as they announce themselves on plain NATS (not the stream: who is
 * there now is no part of the journal). Screens get the list in the snapshot and move to
 * another host when theirs goes silent.
 */
export class ClusterPeers {
  #peers = new Map<string, ClusterHost>();
  #sub: Subscription | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  readonly subject: string;

  constructor(
    readonly replica: NatsJournal,
    readonly self: string,
    readonly announce: () => Omit<ClusterHost, 'url' | 'at'>,
    readonly realNow: () => number,
  ) {
    this.subject = `hallway.${replica.opts.stream.toLowerCase()}.hosts`;
  }

  start(): void {
    this.#timer = setInterval(() => this.#tick(), ANNOUNCE_MS);
    this.#tick();
  }

  #tick(): void {
    const nc = this.replica.connection;
    if (!nc || nc.isClosed()) return;
    if (!this.#sub) this.#listen(nc);
    const me: ClusterHost = { url: this.self, at: this.realNow(), ...this.announce() };
    this.#peers.set(me.url, me);
    nc.publish(this.subject, enc.encode(JSON.stringify(me)));
  }

  #listen(nc: NatsConnection): void {
    const sub = nc.subscribe(this.subject);
    this.#sub = sub;
    void (async () => {
      for await (const m of sub) {
        const parsed = ClusterHost.safeParse(safeJson(dec.decode(m.data)));
        // Timed by this host's clock: another machine's may be off.
        if (parsed.success) this.#peers.set(parsed.data.url, { ...parsed.data, at: this.realNow() });
      }
    })();
  }

  /** The hosts heard from lately, this one first. */
  hosts(): ClusterHost[] {
    const now = this.realNow();
    const live = [...this.#peers.values()].filter((h) => h.url === this.self || now - h.at < GONE_AFTER_MS);
    return live.sort((a, b) =>
      a.url === this.self ? -1 : b.url === this.self ? 1 : a.url.localeCompare(b.url),
    );
  }

  async info(): Promise<ClusterInfo> {
    return { stream: await this.replica.stream(), self: this.self, hosts: this.hosts() };
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#sub?.unsubscribe();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
