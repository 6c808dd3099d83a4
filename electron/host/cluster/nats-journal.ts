import { createHash } from 'node:crypto';
import {
  connect,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
  nanos,
  type NatsConnection,
  NatsError,
  StorageType,
  type StreamInfo,
} from 'nats';
import { type Blob, bucketOf, ClusterBlobs } from './blobs.js';
import { watchLag } from './lag-watch.js';
import { streamState } from './stream-state.js';
import { MSG_ID, type Publisher, publishOnce, UnknownWrites } from './publish.js';
import { JournalEntry } from '../../../core/overrides/schema.js';
import type { ClusterStream } from '../../../core/protocol/cluster.js';
import { type Journal, JournalUnavailable, type JournalReplica } from '../journal.js';

export interface ClusterOptions {
  /** nats://HOST:PORT of the cluster's nodes (any of them is enough to reach it). */
  servers: string[];
  /** The stream's name: one per conference. */
  stream: string;
  /** Copies JetStream keeps of each entry (3 on a 3-node cluster: any 2 are a quorum). */
  replicas?: number;
  /** How long a write waits for the cluster to store it, and then to say whether it did (ms). */
  publishTimeoutMs?: number;
  /** The data dir whose program versions and images go through the cluster's bucket. */
  dataDir?: string;
  log: (line: string) => void;
  /** Called with the stream's identity once this host follows it (to keep it beside the cache). */
  onJoined?: (id: string) => void;
}

const dec = new TextDecoder();

/** How long JetStream remembers a msgID: far longer than a write re-publishes it. */
const DUPLICATE_WINDOW_MS = 120_000;

export const subjectOf = (stream: string) => `hallway.${stream.toLowerCase()}.journal`;

/** The stream's identity: its name and when it was made, so a stream made anew is another journal. */
const streamId = (info: StreamInfo) =>
  `${info.config.name}-${createHash('sha256').update(info.created).digest('base64url').slice(0, 10)}`;

/**
 * The journal's entries as the messages of one JetStream stream (file storage, `replicas`
 * copies). A write is published with the expected last sequence the change was checked against,
 * so revisions are the stream's sequence numbers on every host; each host follows the stream in
 * order and hands each entry to its Journal, whose file is then its cache.
 */
export class NatsJournal implements JournalReplica {
  #nc: NatsConnection | null = null;
  #jsm: JetStreamManager | null = null;
  #publisher: Publisher | null = null;
  #blobs: ClusterBlobs | null = null;
  /** Waiting for a blob an entry names: the follow is held on purpose, not stalled. */
  #fetching = false;
  #unknown = new UnknownWrites();
  #connected = false;
  #closed = false;
  #ready = false;
  /** Why the last write or read failed, for the admin and the 503. */
  #trouble: string | null = 'not connected to the NATS cluster yet';
  readonly subject: string;

  constructor(
    readonly journal: Journal,
    readonly opts: ClusterOptions,
  ) {
    this.subject = subjectOf(opts.stream);
  }

  get connection(): NatsConnection | null {
    return this.#nc;
  }

  /**
   * Takes the journal's writes (refused until the stream answers), connects (retrying for good,
   * in the background) and follows the stream once it is there.
   */
  start(): void {
    this.journal.replicate(this);
    void this.#runForGood();
  }

  /** #run, again after a second whenever it fails before following (a first connect timed out). */
  async #runForGood(): Promise<void> {
    for (let attempt = 0; !this.#closed; attempt++) {
      try {
        return await this.#run();
      } catch (e) {
        if (this.#closed) return;
        this.#trouble = `could not reach the NATS cluster: ${(e as Error).message}`;
        if (attempt % 20 === 0) this.opts.log(`cluster: ${this.#trouble}; retrying`);
        const nc = this.#nc;
        this.#nc = null;
        this.#connected = false;
        await nc?.close().catch(() => {});
        await sleep(1_000);
      }
    }
  }

  async #run(): Promise<void> {
    const { log } = this.opts;
    const nc = await connect({
      servers: this.opts.servers,
      name: `hallway ${this.opts.stream}`,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      pingInterval: 2_000,
      maxPingOut: 2,
    });
    if (this.#closed) return void (await nc.close());
    this.#nc = nc;
    this.#connected = true;
    log(`cluster: connected to NATS at ${nc.getServer()}`);
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect') {
          this.#connected = false;
          this.#trouble = `lost the NATS node ${String(s.data)}, reconnecting`;
        } else if (s.type === 'reconnect') {
          this.#connected = true;
          this.#trouble = null;
          log(`cluster: reconnected to NATS at ${String(s.data)}`);
        }
      }
    })();
    // No API check here: while a fresh cluster elects its first JetStream leader the check fails,
    // and that would end this host's follow for good; #ensureStream retries until it answers.
    this.#jsm = await nc.jetstreamManager({ timeout: 2_000, checkAPI: false });
    const timeoutMs = this.opts.publishTimeoutMs ?? 2_000;
    const js = nc.jetstream({ timeout: timeoutMs });
    const info = await this.#ensureStream();
    if (!info) return;
    const replicas = this.opts.replicas ?? 3;
    if (this.opts.dataDir)
      this.#blobs = new ClusterBlobs(this.opts.dataDir, bucketOf(this.opts.stream), js, replicas, log);
    this.#publisher = {
      js,
      jsm: this.#jsm,
      stream: this.opts.stream,
      subject: this.subject,
      timeoutMs,
      onUnknown: (id, after) => this.#unknown.add(id, after),
    };
    try {
      this.journal.adopt(streamId(info));
    } catch (e) {
      // A cache of another stream (made anew since): its entries must not mix with this one's.
      this.#trouble = (e as Error).message;
      log(`cluster: ${this.#trouble}`);
      return;
    }
    this.opts.onJoined?.(this.journal.id);
    this.#ready = true;
    this.#trouble = null;
    log(
      `cluster: journal is the stream ${info.config.name} (${info.state.last_seq} entries, ${info.config.num_replicas} replicas); this host's cache is at revision ${this.journal.revision}`,
    );
    await this.#follow();
  }

  /** The stream, made if the cluster has none yet; retried until the cluster answers. */
  async #ensureStream(): Promise<StreamInfo | null> {
    const name = this.opts.stream;
    for (let attempt = 0; !this.#closed; attempt++) {
      try {
        return await this.#jsm!.streams.info(name);
      } catch (e) {
        if (!(e instanceof NatsError && e.api_error?.err_code === 10059)) {
          this.#trouble = `the NATS cluster does not answer for the stream ${name}: ${(e as Error).message}`;
          if (attempt % 20 === 0) this.opts.log(`cluster: ${this.#trouble}; retrying`);
          await sleep(500);
          continue;
        }
      }
      try {
        return await this.#jsm!.streams.add({
          name,
          subjects: [this.subject],
          storage: StorageType.File,
          num_replicas: this.opts.replicas ?? 3,
          max_msgs: -1,
          // A write re-published after a timeout (publish.ts) must count once.
          duplicate_window: nanos(Math.max(DUPLICATE_WINDOW_MS, 4 * (this.opts.publishTimeoutMs ?? 2_000))),
        });
      } catch (e) {
        this.#trouble = `could not make the stream ${name}: ${(e as Error).message}`;
        this.opts.log(`cluster: ${this.#trouble}; retrying`);
        await sleep(500);
      }
    }
    return null;
  }

  /**
   * Follows the stream from the cache's revision on, in order, for good: an ordered consumer
   * that ends (a node gone, no leader for a while) is opened again after the last entry taken.
   * The library resets its consumer itself after a reconnect, but a reset that fails while the
   * cluster elects a leader leaves it silent for good; so a watchdog that sees the stream ahead
   * of this host with nothing arriving closes it, and it is opened anew.
   */
  async #follow(): Promise<void> {
    while (!this.#closed) {
      let messages: ConsumerMessages | null = null;
      let stalled = false;
      let onStall = () => {};
      const stall = new Promise<never>((_, reject) => {
        onStall = () => reject(new Error('the follow stalled while opening'));
      });
      stall.catch(() => {});
      const stopWatching = watchLag({
        revision: () => this.journal.revision,
        last: async () => (await this.#jsm!.streams.info(this.opts.stream)).state.last_seq,
        active: () => this.#connected && !this.#closed && !this.#fetching,
        onStall: (last, mine) => {
          this.opts.log(
            `cluster: the stream is at revision ${last}, this host at ${mine} with nothing arriving: following it anew`,
          );
          stalled = true;
          onStall();
          messages?.stop();
        },
      });
      try {
        // Opening can hang as well as delivering (no leader yet): the watchdog ends either; a
        // consumer that opens after all is stopped at once.
        const opening = this.#open();
        opening.then((m) => stalled && m.stop()).catch(() => {});
        messages = await Promise.race([opening, stall]);
        for await (const m of messages) {
          await this.#take(m);
          if (this.#closed) break;
        }
      } catch (e) {
        if (this.#closed) return;
        this.#trouble = `following the stream ${this.opts.stream}: ${(e as Error).message}`;
      } finally {
        stopWatching();
      }
      await sleep(250);
    }
  }

  async #open(): Promise<ConsumerMessages> {
    const consumer = await this.#publisher!.js.consumers.get(this.opts.stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.journal.revision + 1,
    });
    return consumer.consume({ max_messages: 256, idle_heartbeat: 1_000 });
  }

  async #take(m: JsMsg): Promise<void> {
    const seq = m.seq;
    this.#unknown.settle(seq, m.headers?.get(MSG_ID) ?? '', this.opts.log);
    const parsed = JournalEntry.safeParse({ ...JSON.parse(dec.decode(m.data)), revision: seq });
    if (!parsed.success) {
      this.opts.log(
        `cluster: stream message ${seq} is not a journal entry; skipped: ${parsed.error.message}`,
      );
      return;
    }
    if (seq <= this.journal.revision) return;
    // The files it names first (a program version, images): applied without them it would show
    // the version before. Entries go in order, so the follow waits here.
    this.#fetching = true;
    try {
      await this.#blobs?.fetch(parsed.data, () => this.#closed);
    } finally {
      this.#fetching = false;
    }
    if (!this.#closed) this.journal.receive(parsed.data);
  }

  async publish(entry: JournalEntry, after: number): Promise<number> {
    const p = this.#publisher;
    if (!this.#ready || !this.#connected || !p)
      throw new JournalUnavailable(
        `this host is not connected to the NATS cluster (${this.#trouble ?? 'connecting'}): nothing was changed; screens go on showing, try again in a few seconds`,
      );
    // Before the entry: no host may see an entry whose files the cluster does not have.
    await this.#blobs?.ensure(entry);
    return publishOnce(p, entry, after);
  }

  /** Puts a file this host just stored (an uploaded image) into the cluster's bucket (best effort). */
  share(blob: Blob): Promise<void> {
    return this.#blobs?.share(blob) ?? Promise.resolve();
  }

  /** The stream's state and which of its nodes answer, for the admin. */
  async stream(): Promise<ClusterStream> {
    const base = { name: this.opts.stream, connectedTo: this.#nc?.getServer() ?? null };
    if (!this.#jsm || !this.#connected) return { ...base, error: this.#trouble ?? 'not connected' };
    return streamState(this.#jsm, base);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#nc?.close().catch(() => {});
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
