import type { HelloEvent } from '../../core/protocol/index.js';
import { SCREEN_EVENT, withScreen } from '../../core/protocol/screens-wire.js';
import { EVENTS, eventsUrl, PROTOCOL_VERSION } from '../../core/protocol/wire.js';
import { describe } from './client-fetch.js';
import { skewSample, type SkewSample } from './skew.js';

type Hello = Pick<HelloEvent, 'revision' | 'journal' | 'refetch'> & { hostReal?: number; protocol?: number };

// Capped at 1 s: a screen must catch up within 2 s of the host coming back (issue 8), and a
// longer wait between tries could put the next try up to 5 s after the host is up again.
const backoff = (attempt: number) => Math.min(1_000, 250 * 2 ** attempt);

/** What the stream needs from the connection that owns it. */
export interface StreamHooks {
  /** False after stop(): a retry already scheduled must not reconnect. */
  running(): boolean;
  fetchSnapshot(): Promise<boolean>;
  setOnline(online: boolean): void;
  setError(message: string): void;
  opened(): void;
  /**
   * What the host said on (re)connecting (null when it was unreadable), and the skew sample it
   * gives: the stream's opening to its hello is the round trip.
   */
  hello(hello: Hello | null, sample: SkewSample | null): void;
  journal(data: unknown): void;
  /** Where to resume the stream: the last revision applied, of which journal; null: no snapshot yet. */
  resumePoint(): { revision: number; journal: string | undefined } | null;
  /** This screen's name: the stream then carries its directives from the registry. */
  screen?: string;
  directive?(data: unknown): void;
}

/**
 * The host's event stream and its reconnect loop: fetch the snapshot first when there is none,
 * then open the stream after its revision. A dropped stream reopens after the last revision
 * applied (`?since=`), so the host replays what was missed and no snapshot is fetched; only a
 * host that cannot continue from there (its hello says `refetch`) costs one. On failure, try
 * again with backoff.
 */
export class StreamLink {
  #es: EventSource | null = null;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #attempt = 0;
  // Monotonic: the machine's clock being set must not make the stream look silent, or not.
  #lastSign = performance.now();
  #baseUrl: string;
  #hooks: StreamHooks;

  constructor(baseUrl: string, hooks: StreamHooks) {
    this.#baseUrl = baseUrl;
    this.#hooks = hooks;
  }

  async connect(): Promise<void> {
    if (!this.#hooks.running()) return;
    // A snapshot to resume from (the cached one, of a known journal): the stream replays the rest.
    if (this.#hooks.resumePoint()) return this.open();
    const ok = await this.#hooks.fetchSnapshot();
    if (!this.#hooks.running()) return;
    if (!ok) {
      this.#hooks.setOnline(false);
      this.#retry();
      return;
    }
    this.open();
  }

  open(): void {
    this.#es?.close();
    let es: EventSource;
    const from = this.#hooks.resumePoint();
    const openedAt = Date.now();
    try {
      es = new EventSource(
        this.#baseUrl + withScreen(eventsUrl(from?.revision ?? null, from?.journal), this.#hooks.screen),
      );
    } catch (e) {
      this.#hooks.setError(describe(e));
      this.#retry();
      return;
    }
    this.#es = es;
    es.onopen = () => {
      this.#hooks.setOnline(true);
      this.#attempt = 0;
      this.#lastSign = performance.now();
      this.#hooks.opened();
    };
    es.onerror = () => {
      // Take over from EventSource's own retry (it gives up on a 5xx, and would resume from the
      // last id it saw, not the last revision applied): reopen after that revision, with backoff.
      if (this.#es !== es) return;
      es.close();
      this.#es = null;
      this.#hooks.setOnline(false);
      this.#lastSign = performance.now();
      this.#retry();
    };
    es.addEventListener(EVENTS.hello, (e: MessageEvent) => {
      this.#lastSign = performance.now();
      const hello = helloOf(e.data);
      // The host runs another build: this page, which trusts its payloads, would misread them.
      if (hello?.protocol !== undefined && hello.protocol !== PROTOCOL_VERSION) {
        es.close();
        location.reload();
        return;
      }
      const sample = hello?.hostReal === undefined ? null : skewSample(hello.hostReal, openedAt, Date.now());
      this.#hooks.hello(hello, sample);
    });
    es.addEventListener(SCREEN_EVENT, (e: MessageEvent) => {
      this.#lastSign = performance.now();
      this.#hooks.directive?.(e.data);
    });
    es.addEventListener(EVENTS.journal, (e: MessageEvent) => {
      this.#lastSign = performance.now();
      this.#hooks.journal(e.data);
    });
  }

  close(): void {
    this.#es?.close();
    this.#es = null;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  /** Open as far as EventSource knows; a half-open TCP connection also looks open. */
  get isOpen(): boolean {
    return this.#es !== null && this.#es.readyState === EventSource.OPEN;
  }

  /** Monotonic ms since the stream last showed it is alive (or was last checked). */
  get quietMs(): number {
    return performance.now() - this.#lastSign;
  }

  /** Counts as a sign of life, so a check in progress is not started again on the next beat. */
  markChecked(): void {
    this.#lastSign = performance.now();
  }

  #retry(): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      if (!this.#hooks.running()) return;
      // With a snapshot, resume the stream where it stopped; without one, fetch one first.
      if (this.#hooks.resumePoint()) this.open();
      else void this.connect();
    }, backoff(this.#attempt++));
    this.#timers.add(t);
  }
}

/** The hello's fields the stream acts on (it is small and sent once per connection). */
function helloOf(data: unknown): Hello | null {
  try {
    const h = JSON.parse(String(data)) as Partial<Record<keyof HelloEvent, unknown>>;
    if (typeof h.revision !== 'number') return null;
    const hostReal = (h.clock as { hostReal?: unknown } | undefined)?.hostReal;
    return {
      revision: h.revision,
      ...(typeof hostReal === 'number' ? { hostReal } : {}),
      ...(typeof h.journal === 'string' ? { journal: h.journal } : {}),
      ...(typeof h.refetch === 'string' ? { refetch: h.refetch } : {}),
      ...(typeof h.protocol === 'number' ? { protocol: h.protocol } : {}),
    };
  } catch {
    return null;
  }
}
