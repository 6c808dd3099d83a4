import type { Snapshot } from '../../core/protocol/index.js';
import { frameUrl, preloaded, roomPayloadUrl } from '../../core/protocol/room.js';
import { HEARTBEAT_INTERVAL_MS, ROUTES, dayUrl } from '../../core/protocol/wire.js';
import type { Program } from '../../core/program/schema.js';
import { settingsOf } from '../../core/settings/defaults.js';
import type { Settings } from '../../core/settings/schema.js';
import { clockNow } from '../../core/time/clock.js';
import { loadCached } from './cache.js';
import { CacheQueue } from './cache-queue.js';
import { describe, fetchLiveSnapshot, isoOf } from './client-fetch.js';
import { HeartbeatSender, sendHeartbeat, watchdog } from './client-heartbeat.js';
import { sameButAlerts, stepJournal } from './client-journal.js';
import { isRoomPayload, RoomRenewal, stepRoomJournal } from './client-room.js';
import { resolveOptions, type HostConnectionOptions, type ResolvedOptions } from './client-options.js';
import { readPreview } from './client-preview.svelte.js';
import { ScreenLink } from './client-screen.svelte.js';
import { StreamLink } from './client-stream.js';
import { afterPaint } from './after-paint.js';
import { frozenInstant } from './frozen.js';
import { addSample, bestSkew, type SkewSample } from './skew.js';

export type { HostConnectionOptions } from './client-options.js';
export { PREVIEW_MESSAGE, postSnapshot, type PreviewMessage } from './client-preview.svelte.js';

const TICK_MS = 1_000;
/** A screen reports a revision it applied within this long (spread, not all screens at once). */
const REPORT_SPREAD_MS = 1_000;
/** A wall-clock step this large between two ticks is the machine's clock being set. */
const CLOCK_JUMP_MS = 5_000;

/**
 * The one connection every page has to the host: the last snapshot (from the host, or from the
 * browser's cache when the host is away), whether the host is reachable, and the host's clock.
 * Never throws to the page: problems land in `lastError`.
 */
export class HostConnection {
  // Raw: replaced whole on every change, never mutated; a deep proxy over a 1 MB program costs.
  snapshot = $state.raw<Snapshot | null>(null);
  online = $state(false);
  /** Host-clock instant (ms) this screen lost the host (or first failed to reach it); null online. */
  offlineSince = $state<number | null>(null);
  lastError = $state<string | null>(null);
  /** The `?at=` instant this page is frozen at, or null when it follows the host clock. */
  readonly frozenAt: number | null;
  /** Our estimate of host real time − our real time (ms). */
  skew = $state(0);
  /** This screen in the host's registry: its assignment, identify, staff reloads. */
  readonly screen: ScreenLink;

  #tick = $state(Date.now());
  #tickMinute = NaN;
  #opts: ResolvedOptions;
  #stream: StreamLink;
  #samples: SkewSample[] = [];
  #intervals: ReturnType<typeof setInterval>[] = [];
  #seq = 0;
  #acceptedSeq = 0;
  /** #seq when the last stream event was applied: fetches started before it may be older. */
  #appliedAtSeq = 0;
  #fetching = false;
  #fetchAgain = false;
  // A day cut (`partial`) is never cached: a page started from it would lack the other days.
  // A room payload is: it holds the room's whole day.
  #cache = new CacheQueue(() =>
    this.snapshot && this.#resumable(this.snapshot) ? { snapshot: this.snapshot, skew: this.skew } : null,
  );
  /** The room this page shows (room pages); see `room`. */
  #room = $state<string | undefined>(undefined);
  #renewal = new RoomRenewal();
  #heartbeats = new HeartbeatSender(() =>
    sendHeartbeat(this.#opts, this.revision, this.online, this.screen.report()),
  );
  #wallAtTick = Date.now();
  #monoAtTick = performance.now();
  #started = false;
  /**
   * The stream may resume from the snapshot: it came from the host in this page's life, or from
   * the cache naming its journal (the host's hello then says `refetch` if it cannot continue).
   */
  #live = false;
  #onMessage = (e: MessageEvent) => this.#receivePreview(e);

  constructor(opts: HostConnectionOptions) {
    this.#opts = resolveOptions(opts);
    this.#room = this.#opts.room;
    this.screen = new ScreenLink(this.#opts.screen, this.#opts.page);
    this.#stream = new StreamLink(() => this.#opts.baseUrl, {
      running: () => this.#started,
      fetchSnapshot: () => this.#fetchSnapshot(),
      setOnline: (online) => this.#setOnline(online),
      setError: (message) => (this.lastError = message),
      opened: () => {
        this.#opts.hosts.answered();
        void this.#beat();
      },
      failed: () => this.#opts.hosts.failed(),
      hello: (hello, sample) => {
        if (sample) {
          this.#samples = addSample(this.#samples, sample);
          this.skew = bestSkew(this.#samples);
        }
        // The host replays what we missed after the revision we resumed from; only when it
        // cannot (another journal, or it is behind us) is the snapshot fetched.
        if (hello && !hello.refetch && this.#live && hello.revision >= this.revision) return;
        this.#refetchNow();
      },
      journal: (data) => this.#onJournal(data),
      resumePoint: () =>
        this.#live && this.snapshot && this.#resumable(this.snapshot)
          ? { revision: this.snapshot.revision, journal: this.snapshot.journal }
          : null,
      screen: this.#opts.screen,
      directive: (data) => this.screen.receive(data),
    });
    const frozen =
      typeof location === 'undefined' ? { at: null, error: null } : frozenInstant(location.search);
    this.frozenAt = frozen.at;
    if (frozen.error) this.lastError = frozen.error;
  }

  /** The effective program (overrides applied), or null before anything arrived. */
  get effective(): Program | null {
    return this.snapshot?.program ?? null;
  }

  #reporting = false;
  #underAlerts: Program | null = null;

  /**
   * The effective program as what an alert is drawn over sees it: the same object for as long as
   * only its alerts change (core keeps the rest as it was), so slides derived from it are not
   * built again under an alert. Its `alerts` may be stale: read those from `effective`.
   */
  get underAlerts(): Program | null {
    const p = this.effective;
    const last = this.#underAlerts;
    if (p && last && sameButAlerts(last, p)) return last;
    this.#underAlerts = p;
    return p;
  }

  /**
   * The room a room page shows. Reactive; set it (the screen registry reassigning this screen) and
   * that room's payload is fetched, with nothing of the old room's shown meanwhile.
   */
  get room(): string | undefined {
    return this.#room;
  }

  set room(id: string | undefined) {
    if (id === this.#room) return;
    this.#room = id;
    this.#opts.room = id; // heartbeats name the room shown
    if (this.#opts.payload !== 'room') return;
    this.snapshot = null;
    if (this.#started) this.#refetchNow();
  }

  get revision(): number {
    return this.snapshot?.revision ?? 0;
  }

  /** The screens' settings in force (the defaults before anything arrived). */
  get settings(): Settings {
    return settingsOf(this.snapshot);
  }

  /**
   * Host clock instant (epoch ms). Reactive: re-evaluates inside effects/templates every second, or
   * (option `tick: 'minute'`) when the host clock's minute turns.
   */
  now(): number {
    void this.#tick;
    return this.#instant(Date.now());
  }

  #instant(wall: number): number {
    if (this.frozenAt !== null) return this.frozenAt;
    const s = this.snapshot;
    if (!s) return wall + this.skew;
    return clockNow(s.clock.state, wall + this.skew);
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    try {
      const cached = loadCached(this.#roomPayload ? this.#room : undefined);
      if (cached) {
        this.snapshot = cached.snapshot;
        this.#opts.hosts.learn(cached.snapshot.hosts);
        this.skew = cached.skew;
        // Painted from the cache at once; with its journal named, the stream resumes from it
        // (no snapshot fetch), and the hello's clock gives a fresh skew sample.
        this.#live = cached.snapshot.journal !== undefined;
      }
      this.#intervals.push(setInterval(() => this.#onTick(), TICK_MS));
      if (this.#opts.stream) {
        void this.#firstPaint().then(() => this.#stream.connect());
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
    this.#stream.close();
    for (const i of this.#intervals) clearInterval(i);
    this.#intervals = [];
    if (typeof window !== 'undefined') window.removeEventListener('message', this.#onMessage);
  }

  /** The room this screen shows changed (its assignment): the heartbeats say so from now on. */
  setRoom(room: string | undefined): void {
    if (room === this.#room) return;
    this.room = room;
    if (this.#started && this.#opts.stream) void this.#heartbeats.send();
  }

  /** Fetch the snapshot now (e.g. after the admin posted an override). Resolves true on success. */
  async refresh(): Promise<boolean> {
    return this.#fetchSnapshot();
  }

  #setOnline(online: boolean): void {
    this.online = online;
    if (online) this.offlineSince = null;
    else this.offlineSince ??= this.now();
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
    // The screens show minutes: between two, nothing that reads now() needs to run (issue 13, idle).
    const minute = Math.floor(this.#instant(wall) / 60_000);
    if (this.#opts.tick === 'second' || minute !== this.#tickMinute) this.#tick = wall;
    this.#tickMinute = minute;
    // A room payload covers its day and the next morning: fetched again when the day turns.
    if (this.#roomPayload && this.#renewal.due(this.snapshot, this.now(), mono)) this.#refetchNow();
  }

  /** Room pages fetch their room payload, never the full snapshot (issue 19). */
  get #roomPayload(): boolean {
    return this.#opts.payload === 'room' && this.#room !== undefined;
  }

  /** A snapshot the page may cache and resume its stream from: the full one, or its room's payload. */
  #resumable(s: Snapshot): boolean {
    return !s.partial || (this.#roomPayload && isRoomPayload(s, this.#room));
  }

  async #fetchSnapshot(): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const room = this.#roomPayload ? this.#room : undefined;
      const at = isoOf(this.frozenAt);
      // Only the first fetch takes what the page's answer preloaded (core/protocol/room.ts).
      // A room page with no room yet shows its name, the clock and alerts: the frame, no sessions.
      const route = room
        ? roomPayloadUrl(room, { at, preload: seq === 1 && !this.snapshot && !at })
        : this.#opts.payload === 'room'
          ? frameUrl({ at })
          : ROUTES.snapshot;
      const { snapshot: data, sample } = await fetchLiveSnapshot(this.#opts.baseUrl, route);
      this.#samples = addSample(this.#samples, sample);
      this.skew = bestSkew(this.#samples);
      // An older answer racing a newer one (or an entry applied from the stream meanwhile) must
      // not roll the screen back.
      if (seq < this.#acceptedSeq || room !== (this.#roomPayload ? this.#room : undefined)) return true;
      if (seq <= this.#appliedAtSeq && data.revision < this.revision) return true;
      this.#acceptedSeq = seq;
      this.#live = true;
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

  /**
   * With nothing on screen and `firstPaint: 'day'`: the day cut, painted before the full snapshot
   * is fetched (a 35C3 snapshot is 940 KB; its day a quarter of that). Any failure only means the
   * full snapshot comes first, as without it.
   */
  async #firstPaint(): Promise<void> {
    if (this.snapshot || this.#opts.firstPaint !== 'day' || this.#roomPayload) return;
    try {
      const at = isoOf(this.frozenAt);
      const url = dayUrl({ room: this.#opts.room, at });
      // The page's answer preloaded the day (electron/host/static.ts) unless frozen at an instant.
      const { snapshot, sample } = await fetchLiveSnapshot(this.#opts.baseUrl, at ? url : preloaded(url));
      if (this.snapshot || !this.#started) return;
      this.#samples = addSample(this.#samples, sample);
      this.skew = bestSkew(this.#samples);
      this.snapshot = snapshot;
    } catch {
      return;
    }
    // Let that frame paint before the full snapshot arrives and is read (a hidden window gets
    // no frames: the timer covers it).
    await new Promise<void>((done) => afterPaint(done));
  }

  #accept(s: Snapshot): void {
    const changed = s.revision !== this.snapshot?.revision;
    this.snapshot = s;
    this.#opts.hosts.learn(s.hosts);
    this.#cache.queue();
    // The admin's screen list shows the revision each screen has applied: say so within a second
    // of a change, not up to a heartbeat interval later. Not before the change is painted
    // (building the request held it back), and spread over that second: every screen of the venue
    // hears a change at once, and their reports all at once competed with the change itself for
    // the host and for the CPU they share. One report covers a burst. Before the stream opens,
    // onopen beats.
    if (changed && this.#opts.stream && this.online && !this.#reporting) {
      this.#reporting = true;
      afterPaint(() =>
        setTimeout(() => {
          this.#reporting = false;
          void this.#heartbeats.send();
        }, Math.random() * REPORT_SPREAD_MS),
      );
    }
  }

  /** A journal event: applied here when that is exact (no fetch), else the snapshot refetched. */
  #onJournal(data: unknown): void {
    const s = this.snapshot;
    if (!s || !this.#resumable(s)) return this.#refetchNow();
    let step: ReturnType<typeof stepJournal>;
    try {
      step = this.#roomPayload ? stepRoomJournal(s, data) : stepJournal(s, data);
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

  async #beat(): Promise<void> {
    const refused = await this.#heartbeats.send();
    if (refused) this.lastError = refused;
    await watchdog({
      opts: this.#opts,
      stream: this.#stream,
      revision: () => this.revision,
      fetchSnapshot: () => this.#fetchSnapshot(),
      beforeReload: () => this.screen.markWatchdog(),
    });
  }

  #receivePreview(e: MessageEvent): void {
    const got = readPreview(e);
    if (!got) return;
    if (got.skew !== null) this.skew = got.skew;
    this.snapshot = got.snapshot;
    this.online = true;
  }
}
