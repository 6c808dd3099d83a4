import { EVENTS, ROUTES } from '../../core/protocol/index.js';
import { describe } from './client-fetch.js';

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
  /** `revision` is the one the host said hello with, null when it said none. */
  hello(revision: number | null): void;
  journal(data: unknown): void;
}

/**
 * The host's event stream and its reconnect loop: fetch the snapshot first (so nothing the stream
 * would have said is missed), then open the stream; on failure try again with backoff.
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
    try {
      es = new EventSource(this.#baseUrl + ROUTES.events);
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
      // Take over from EventSource's own retry: refetch the snapshot, then reopen, with backoff.
      if (this.#es !== es) return;
      es.close();
      this.#es = null;
      this.#hooks.setOnline(false);
      this.#lastSign = performance.now();
      this.#retry();
    };
    es.addEventListener(EVENTS.hello, (e: MessageEvent) => {
      this.#lastSign = performance.now();
      this.#hooks.hello(revisionOf(e.data));
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
      if (this.#hooks.running()) void this.connect();
    }, backoff(this.#attempt++));
    this.#timers.add(t);
  }
}

function revisionOf(data: unknown): number | null {
  try {
    const v = (JSON.parse(String(data)) as { revision?: unknown }).revision;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}
