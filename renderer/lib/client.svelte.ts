import {
  EVENTS,
  HEARTBEAT_INTERVAL_MS,
  ROUTES,
  Snapshot,
  type Heartbeat,
  type PageKind,
  type ShellBridge,
} from '../../core/protocol/index.js';
import type { Program } from '../../core/program/schema.js';
import { clockNow } from '../../core/time/clock.js';
import { loadCached, saveCached } from './cache.js';
import { stepJournal } from './client-journal.js';
import { frozenInstant } from './frozen.js';
import { addSample, bestSkew, skewSample, type SkewSample } from './skew.js';

export interface HostConnectionOptions {
  page: PageKind;
  room?: string;
  /** Origin of the host; defaults to the page's own. */
  baseUrl?: string;
  /**
   * false: no event stream of its own (admin previews in frames: Chromium allows 6 HTTP/1.1
   * connections per host); the parent page feeds snapshots with `postSnapshot`.
   */
  stream?: boolean;
  /** Reload the page when the stream stays down while the host answers (default: not for admin). */
  watchdog?: boolean;
  /** Name in the admin's screen list; defaults to the preload's identity or a stable random id. */
  screen?: string;
}

/** `window.postMessage` payload an admin page sends to its preview frames. */
export const PREVIEW_MESSAGE = 'hallway:snapshot';
export interface PreviewMessage {
  type: typeof PREVIEW_MESSAGE;
  snapshot: Snapshot;
  skew: number;
}

/** Feeds a preview frame (same origin) the admin's snapshot, so it needs no stream of its own. */
export function postSnapshot(target: Window, snapshot: Snapshot, skew = 0): void {
  const msg: PreviewMessage = { type: PREVIEW_MESSAGE, snapshot: $state.snapshot(snapshot), skew };
  target.postMessage(msg, location.origin);
}

const WATCHDOG_MS = 45_000;
const TICK_MS = 1_000;
/** A wall-clock step this large between two ticks is the machine's clock being set. */
const CLOCK_JUMP_MS = 5_000;
// Capped at 1 s: a screen must catch up within 2 s of the host coming back (issue 8), and a
// longer wait between tries could put the next try up to 5 s after the host is up again.
const backoff = (attempt: number) => Math.min(1_000, 250 * 2 ** attempt);

declare global {
  interface Window {
    /** Set by the Electron shell's preload; absent in a plain browser. */
    hallway?: ShellBridge;
  }
}

/**
 * The one connection every page has to the host: the last snapshot (from the host, or from the
 * browser's cache when the host is away), whether the host is reachable, and the host's clock.
 * Never throws to the page: problems land in `lastError`.
 */
export class HostConnection {
  // Raw: replaced whole on every change, never mutated; a deep proxy over a 1 MB program costs.
  snapshot = $state.raw<Snapshot | null>(null);
  online = $state(false);
  lastError = $state<string | null>(null);
  /** The `?at=` instant this page is frozen at, or null when it follows the host clock. */
  readonly frozenAt: number | null;
  /** Our estimate of host real time − our real time (ms). */
  skew = $state(0);

  #tick = $state(Date.now());
  #opts: Required<Pick<HostConnectionOptions, 'page' | 'baseUrl' | 'stream' | 'watchdog' | 'screen'>> & {
    room?: string;
  };
  #samples: SkewSample[] = [];
  #es: EventSource | null = null;
  // Not reactive on purpose: timer handles never reach the page.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #intervals: ReturnType<typeof setInterval>[] = [];
  #attempt = 0;
  #seq = 0;
  #acceptedSeq = 0;
  /** #seq when the last stream event was applied: fetches started before it may be older. */
  #appliedAtSeq = 0;
  #fetching = false;
  #fetchAgain = false;
  #cacheQueued = false;
  // Monotonic: the machine's clock being set must not make the stream look silent, or not.
  #lastStreamSign = performance.now();
  #wallAtTick = Date.now();
  #monoAtTick = performance.now();
  #started = false;
  #onMessage = (e: MessageEvent) => this.#receivePreview(e);

  constructor(opts: HostConnectionOptions) {
    const base = opts.baseUrl ?? (typeof location === 'undefined' ? '' : location.origin);
    this.#opts = {
      page: opts.page,
      room: opts.room,
      baseUrl: base.replace(/\/$/, ''),
      stream: opts.stream ?? !framedPreview(),
      watchdog: opts.watchdog ?? opts.page !== 'admin',
      screen: opts.screen ?? defaultScreenName(opts.page, opts.room),
    };
    const frozen =
      typeof location === 'undefined' ? { at: null, error: null } : frozenInstant(location.search);
    this.frozenAt = frozen.at;
    if (frozen.error) this.lastError = frozen.error;
  }

  /** The effective program (overrides applied), or null before anything arrived. */
  get effective(): Program | null {
    return this.snapshot?.program ?? null;
  }

  get revision(): number {
    return this.snapshot?.revision ?? 0;
  }

  /** Host clock instant (epoch ms). Reactive: re-evaluates every second inside effects/templates. */
  now(): number {
    const real = this.#tick;
    if (this.frozenAt !== null) return this.frozenAt;
    const s = this.snapshot;
    if (!s) return real + this.skew;
    return clockNow(s.clock.state, Date.now() + this.skew);
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    try {
      const cached = loadCached();
      if (cached) {
        this.snapshot = cached.snapshot;
        this.skew = cached.skew;
      }
      this.#intervals.push(setInterval(() => this.#onTick(), TICK_MS));
      if (this.#opts.stream) {
        void this.#connect();
        this.#intervals.push(setInterval(() => void this.#beat(), HEARTBEAT_INTERVAL_MS));
      } else {
        window.addEventListener('message', this.#onMessage);
        void this.#fetchSnapshot();
      }
    } catch (e) {
      this.lastError = describe(e);
    }
  }

  stop(): void {
    this.#started = false;
    this.#es?.close();
    this.#es = null;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    for (const i of this.#intervals) clearInterval(i);
    this.#intervals = [];
    if (typeof window !== 'undefined') window.removeEventListener('message', this.#onMessage);
  }

  /** Fetch the snapshot now (e.g. after the admin posted an override). Resolves true on success. */
  async refresh(): Promise<boolean> {
    return this.#fetchSnapshot();
  }

  /** Every second: the time the templates show, and a check that the machine's clock held. */
  #onTick(): void {
    const wall = Date.now();
    const mono = performance.now();
    // Wall time moving unlike monotonic time: the machine's clock was set (by hand, NTP, a zone
    // or DST bug). The skew samples measured the old clock: drop them and measure again.
    const jumped = Math.abs(wall - this.#wallAtTick - (mono - this.#monoAtTick)) > CLOCK_JUMP_MS;
    this.#wallAtTick = wall;
    this.#monoAtTick = mono;
    if (jumped && this.#opts.stream && this.frozenAt === null) {
      this.#samples = [];
      void this.#fetchSnapshot();
    }
    this.#tick = wall;
  }

  #later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      if (this.#started) fn();
    }, ms);
    this.#timers.add(t);
  }

  #url(path: string): string {
    return this.#opts.baseUrl + path;
  }

  async #fetchSnapshot(): Promise<boolean> {
    const seq = ++this.#seq;
    const sent = Date.now();
    try {
      const res = await fetch(this.#url(ROUTES.snapshot), { cache: 'no-store' });
      const received = Date.now();
      if (!res.ok) throw new Error(`GET ${ROUTES.snapshot}: HTTP ${res.status}`);
      const data = liveSnapshot(await res.json());
      this.#samples = addSample(this.#samples, skewSample(data.clock.hostReal, sent, received));
      this.skew = bestSkew(this.#samples);
      // An older answer racing a newer one (or an entry applied from the stream meanwhile) must
      // not roll the screen back.
      if (seq < this.#acceptedSeq) return true;
      if (seq <= this.#appliedAtSeq && data.revision < this.revision) return true;
      this.#acceptedSeq = seq;
      this.#accept(data);
      if (!this.#opts.stream) this.online = true;
      this.lastError = null;
      return true;
    } catch (e) {
      if (!this.#opts.stream) this.online = false;
      this.lastError = describe(e);
      return false;
    }
  }

  #accept(s: Snapshot): void {
    const changed = s.revision !== this.snapshot?.revision;
    this.snapshot = s;
    this.#queueCache();
    // The admin's screen list shows the revision each screen has applied: say so at once after a
    // change, not up to a heartbeat interval later. (Before the stream opens, onopen beats.)
    if (changed && this.#opts.stream && this.online) void this.#sendHeartbeat();
  }

  async #connect(): Promise<void> {
    if (!this.#started) return;
    const ok = await this.#fetchSnapshot();
    if (!this.#started) return;
    if (!ok) {
      this.online = false;
      this.#later(() => void this.#connect(), backoff(this.#attempt++));
      return;
    }
    this.#openStream();
  }

  #openStream(): void {
    this.#es?.close();
    let es: EventSource;
    try {
      es = new EventSource(this.#url(ROUTES.events));
    } catch (e) {
      this.lastError = describe(e);
      this.#later(() => void this.#connect(), backoff(this.#attempt++));
      return;
    }
    this.#es = es;
    es.onopen = () => {
      this.online = true;
      this.#attempt = 0;
      this.#lastStreamSign = performance.now();
      void this.#beat();
    };
    es.onerror = () => {
      // Take over from EventSource's own retry: refetch the snapshot, then reopen, with backoff.
      if (this.#es !== es) return;
      es.close();
      this.#es = null;
      this.online = false;
      this.#lastStreamSign = performance.now();
      this.#later(() => void this.#connect(), backoff(this.#attempt++));
    };
    es.addEventListener(EVENTS.hello, (e: MessageEvent) => {
      this.#lastStreamSign = performance.now();
      const rev = revisionOf(e.data);
      if (rev !== null && rev === this.revision) return;
      this.#refetchNow();
    });
    es.addEventListener(EVENTS.journal, (e: MessageEvent) => {
      this.#lastStreamSign = performance.now();
      this.#onJournal(e.data);
    });
  }

  /** A journal event: applied here when that is exact (no fetch), else the snapshot refetched. */
  #onJournal(data: unknown): void {
    const s = this.snapshot;
    if (!s) return this.#refetchNow();
    let step: ReturnType<typeof stepJournal>;
    try {
      step = stepJournal(s, data);
    } catch (e) {
      this.lastError = describe(e);
      step = { kind: 'refetch', reason: 'could not apply' };
    }
    if (step.kind === 'seen') return;
    if (step.kind === 'refetch') return this.#refetchNow();
    this.#appliedAtSeq = this.#seq;
    this.#accept(step.snapshot);
  }

  /** Fetches the snapshot at once; calls during a fetch make one more fetch after it. */
  #refetchNow(): void {
    if (this.#fetching) {
      this.#fetchAgain = true;
      return;
    }
    this.#fetching = true;
    void this.#fetchSnapshot().finally(() => {
      this.#fetching = false;
      if (this.#fetchAgain && this.#started) {
        this.#fetchAgain = false;
        this.#refetchNow();
      }
    });
  }

  /** Writes the cache after the change is painted: stringifying a big program takes a while. */
  #queueCache(): void {
    if (this.#cacheQueued) return;
    this.#cacheQueued = true;
    const write = () => {
      if (!this.#cacheQueued) return;
      this.#cacheQueued = false;
      if (this.snapshot) saveCached({ snapshot: this.snapshot, skew: this.skew });
    };
    // After the next frame; the timer alone covers a hidden window, where frames do not come.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(write, 0));
    setTimeout(write, 250);
  }

  async #beat(): Promise<void> {
    await this.#sendHeartbeat();
    await this.#watchdog();
  }

  async #sendHeartbeat(): Promise<void> {
    const hb: Heartbeat = {
      screen: this.#opts.screen,
      page: this.#opts.page,
      revision: this.revision,
      offline: !this.online,
      ...(this.#opts.room ? { room: this.#opts.room } : {}),
    };
    try {
      await fetch(this.#url(ROUTES.heartbeat), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(hb),
      });
    } catch {
      // offline: the stream's error handler already reconnects
    }
  }

  async #watchdog(): Promise<void> {
    const quiet = performance.now() - this.#lastStreamSign;
    if (quiet < WATCHDOG_MS) return;
    const es = this.#es;
    if (es && es.readyState === EventSource.OPEN) {
      // A stream can look open yet be dead (half-open TCP): compare revisions with the host's.
      this.#lastStreamSign = performance.now();
      const rev = await this.#hostRevision();
      if (rev !== null && rev > this.revision) {
        await this.#fetchSnapshot();
        this.#openStream();
      }
      return;
    }
    if (!this.#opts.watchdog) return;
    // Reload only when the host answers: a reload while it is away would show a browser error page.
    if ((await this.#hostRevision()) !== null) location.reload();
  }

  /** The host's revision from /api/health, or null when it does not answer. */
  async #hostRevision(): Promise<number | null> {
    try {
      const res = await fetch(this.#url(ROUTES.health), { cache: 'no-store' });
      if (!res.ok) return null;
      const body = (await res.json()) as { revision?: unknown };
      return typeof body.revision === 'number' ? body.revision : 0;
    } catch {
      return null; // host away: keep running from the cache
    }
  }

  #receivePreview(e: MessageEvent): void {
    if (e.origin !== location.origin || e.source !== window.parent) return;
    const data = e.data as Partial<PreviewMessage> | null;
    if (!data || data.type !== PREVIEW_MESSAGE) return;
    const parsed = Snapshot.safeParse(data.snapshot);
    if (!parsed.success) return;
    if (typeof data.skew === 'number') this.skew = data.skew;
    this.snapshot = parsed.data;
    this.online = true;
  }
}

/** `?preview=1` inside a frame: the admin page feeds it snapshots; it holds no stream of its own. */
function framedPreview(): boolean {
  if (typeof window === 'undefined' || typeof location === 'undefined' || window.parent === window)
    return false;
  return new URLSearchParams(location.search).get('preview') === '1';
}

/**
 * A live snapshot from our own host, checked only for the fields this file reads. The full zod
 * parse stays for what comes from localStorage (cache.ts) and from other windows: the host is the
 * same build as this page, and parsing a 1 MB program with zod on every change costs more than the
 * change takes to arrive.
 */
function liveSnapshot(data: unknown): Snapshot {
  const s = data as Partial<Snapshot> | null;
  if (
    !s ||
    typeof s.revision !== 'number' ||
    typeof s.program !== 'object' ||
    !Array.isArray(s.overrides) ||
    typeof s.clock?.hostReal !== 'number' ||
    typeof s.clock.state !== 'object'
  )
    throw new Error(
      `GET ${ROUTES.snapshot}: not a Hallway snapshot (revision, program, overrides or clock missing)`,
    );
  return { ...s, problems: s.problems ?? [] } as Snapshot;
}

function revisionOf(data: unknown): number | null {
  try {
    const v = (JSON.parse(String(data)) as { revision?: unknown }).revision;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  if (e instanceof TypeError) return `host unreachable (${e.message})`;
  return e instanceof Error ? e.message : String(e);
}

function defaultScreenName(page: PageKind, room?: string): string {
  if (typeof window === 'undefined') return `${room ?? page}`;
  // The shell names its windows; a plain browser can be named with `?screen=hall-east`.
  const named = window.hallway?.identity.screen ?? new URLSearchParams(location.search).get('screen');
  if (named) return named;
  const key = `hallway:screen:${page}:${room ?? ''}`;
  try {
    const existing = localStorage.getItem(key);
    if (existing) return existing;
    const made = `${room ?? page}-${Math.random().toString(36).slice(2, 8)}`;
    localStorage.setItem(key, made);
    return made;
  } catch {
    return `${room ?? page}-${Math.random().toString(36).slice(2, 8)}`;
  }
}
