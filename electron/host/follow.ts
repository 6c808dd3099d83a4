import { resolve } from 'node:path';
import { diffPrograms, diffSummary } from '../../core/program/diff.js';
import type { StoredProgram } from '../../core/program/schema.js';
import {
  FOLLOW_EVERY_MS,
  FOLLOW_MAX_WARNINGS,
  type FollowInput,
  type FollowResult,
  FollowState,
  type ProgramInfo,
  UPLOAD_PREFIX,
} from '../../core/protocol/index.js';
import { ianaZone } from '../../core/import/zone.js';
import { FetchFailure, fetchSource, isUrl } from './follow-fetch.js';
import { ProgramFileError, readProgramText } from './program-file.js';
import { Refusal, type HostState } from './state.js';
import type { HostStore } from './store.js';

export const FOLLOW_TIMEOUT_MS = 20_000;
/** 35C3's full schedule.json is 2.1 MB: ten times that is not a schedule. */
export const FOLLOW_MAX_BYTES = 20 * 1024 * 1024;

const EMPTY: FollowState = {
  source: null,
  mode: 'publish',
  paused: false,
  everyMs: FOLLOW_EVERY_MS.default,
  zone: null,
  lastFetch: null,
  lastResult: null,
  failingSince: null,
  lastGood: null,
  lastFailure: null,
  pending: null,
};

export interface FollowerOptions {
  timeoutMs?: number;
  maxBytes?: number;
  log?: (line: string) => void;
  /** Real time (epoch ms): the follower's times are real, whatever the host clock shows. */
  realNow?: () => number;
}

/** A zone staff gave for a source: null for "", refused (400, naming the field) unless IANA. */
function checkedZone(zone: string): string | null {
  if (zone === '') return null;
  if (!ianaZone(zone))
    throw new Refusal(
      400,
      `zone: "${zone}" is not an IANA time zone; use one like Europe/Berlin, or leave it empty for the zone the file names`,
    );
  return zone;
}

/** The follower's state as kept in the store, or a fresh one when there is none (or it is unreadable). */
function keptState(store: HostStore): FollowState {
  const parsed = FollowState.safeParse((store.get('settings') as Record<string, unknown>).follow);
  return parsed.success ? parsed.data : { ...EMPTY };
}

/**
 * Follows a published schedule: fetches the URL or file every `everyMs`, and makes each new
 * version a journal entry (at once, or once staff approve it). A fetch that fails changes
 * nothing on any screen: the version in force stays, and the state records why and since when.
 */
export class Follower {
  #state: FollowState;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<FollowResult> | null = null;
  #stopped = false;
  readonly #timeoutMs: number | undefined;
  readonly #maxBytes: number;
  readonly #log: (line: string) => void;
  readonly #realNow: () => number;

  constructor(
    private readonly state: HostState,
    private readonly store: HostStore,
    opts: FollowerOptions = {},
  ) {
    this.#state = keptState(store);
    this.#timeoutMs = opts.timeoutMs;
    this.#maxBytes = opts.maxBytes ?? FOLLOW_MAX_BYTES;
    this.#log = opts.log ?? (() => {});
    this.#realNow = opts.realNow ?? Date.now;
  }

  get current(): FollowState {
    return this.#state;
  }

  info(): ProgramInfo {
    const entry = [...this.state.journal.entries].reverse().find((e) => e.type === 'program');
    const hash = this.state.baseHash;
    const inForce = entry?.type === 'program' && entry.hash === hash ? entry : null;
    return {
      follow: this.#state,
      fetching: this.#running !== null,
      version: { hash, revision: inForce?.revision ?? 0, source: inForce?.source ?? 'the program file' },
      review: this.state.effective().review,
    };
  }

  /** Starts the timer (the first fetch at once) when there is a source to follow. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /**
   * Changes the source, mode, pause or interval; a new source is fetched at once. The API
   * accepts only URLs as a source; the command line also files (see followSource).
   */
  configure(input: FollowInput): FollowState {
    const next: FollowState = { ...this.#state };
    const source = input.source;
    const zone = input.zone === undefined ? next.zone : checkedZone(input.zone);
    // Another source, or the same read in another zone: not the version the validators are of.
    if ((source !== undefined && source !== next.source) || zone !== next.zone) {
      Object.assign(next, { source: source ?? next.source, zone, failingSince: null });
      delete next.etag;
      delete next.lastModified;
    }
    if (input.mode !== undefined) next.mode = input.mode;
    if (input.paused !== undefined) next.paused = input.paused;
    if (input.everyMs !== undefined) next.everyMs = input.everyMs;
    const refetch =
      next.source !== this.#state.source ||
      (next.zone !== this.#state.zone && next.source !== null && !next.source.startsWith(UPLOAD_PREFIX)) ||
      (this.#state.paused && !next.paused);
    this.#save(next);
    if (refetch) this.#schedule(0);
    else if (this.#timer) this.#schedule(next.everyMs);
    return this.#state;
  }

  /** Fetches now (or joins the fetch under way) and says what came of it. */
  fetchNow(): Promise<FollowResult> {
    const source = this.#state.source;
    if (source === null || source.startsWith(UPLOAD_PREFIX))
      throw new Refusal(
        409,
        'there is no source to fetch: set a URL to follow (an uploaded file is taken once)',
      );
    return this.#run(() => this.#fetchOnce(source));
  }

  /** Takes an uploaded file as the next version (published or held as the mode says); following stops. */
  upload(name: string, text: string, zone?: string): Promise<FollowResult> {
    const source = `${UPLOAD_PREFIX}${name}`;
    const next: FollowState = {
      ...this.#state,
      source,
      failingSince: null,
      zone: zone === undefined ? this.#state.zone : checkedZone(zone),
    };
    delete next.etag;
    delete next.lastModified;
    this.#save(next);
    return this.#run(async () => {
      const { program, notes } = await readProgramText(text, name, this.#zoneOpt());
      return this.#take(program, source, notes);
    });
  }

  /** Publishes the held version staff saw (409 when another one is held by now). */
  approve(hash: string): FollowResult {
    const pending = this.#pendingOrRefuse(hash);
    let program: StoredProgram;
    try {
      program = this.state.versions.load(pending.hash);
    } catch (e) {
      throw new Refusal(
        409,
        `the held version cannot be read back, so it stays unpublished: ${(e as Error).message}`,
      );
    }
    const entry = this.state.publishProgram(program, pending.source);
    const at = this.#nowIso();
    const text = entry
      ? `approved: published as revision ${entry.revision}: ${entry.type === 'program' ? entry.summary : ''}`
      : 'approved: it is the version in force already';
    const result: FollowResult = { at, outcome: entry ? 'published' : 'unchanged', text };
    this.#save({ ...this.#state, pending: null, lastResult: result });
    this.#log(`program: ${text}`);
    return result;
  }

  reject(hash: string): FollowResult {
    this.#pendingOrRefuse(hash);
    const result: FollowResult = {
      at: this.#nowIso(),
      outcome: 'unchanged',
      text: 'rejected: the version in force stays; the same content will not be held again',
    };
    this.#save({ ...this.#state, pending: null, rejected: hash, lastResult: result });
    return result;
  }

  #pendingOrRefuse(hash: string) {
    const pending = this.#state.pending;
    if (!pending) throw new Refusal(404, 'no version is held for approval');
    if (pending.hash !== hash)
      throw new Refusal(
        409,
        `another version is held now (${pending.hash.slice(0, 12)}): look at its diff first`,
      );
    return pending;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const s = this.#state;
    if (this.#stopped || s.paused || s.source === null || s.source.startsWith(UPLOAD_PREFIX)) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const started = this.#realNow();
      void this.fetchNow()
        .catch(() => undefined)
        // Start to start: a slow fetch does not stretch the interval.
        .finally(() => this.#schedule(Math.max(0, started + this.#state.everyMs - this.#realNow())));
    }, delayMs);
    this.#timer.unref?.();
  }

  /** One fetch at a time; a second caller gets the first one's result. */
  #run(work: () => Promise<FollowResult>): Promise<FollowResult> {
    if (this.#running) return this.#running;
    const source = this.#state.source;
    const at = this.#nowIso();
    this.#running = work()
      .catch((e: unknown): FollowResult => ({ at, outcome: 'failed', text: failureText(e) }))
      .then((result) => {
        // The source changed while this one was fetched: its answer no longer counts.
        if (this.#state.source === source) this.#record({ ...result, at });
        return result;
      })
      .finally(() => (this.#running = null));
    return this.#running;
  }

  #zoneOpt(): { zone?: string } {
    return this.#state.zone ? { zone: this.#state.zone } : {};
  }

  async #fetchOnce(source: string): Promise<FollowResult> {
    const s = this.#state;
    const got = await fetchSource(source, {
      // A fetch never outlasts the interval: the next one would be due before it answered.
      timeoutMs: this.#timeoutMs ?? Math.min(FOLLOW_TIMEOUT_MS, s.everyMs),
      maxBytes: this.#maxBytes,
      ...(s.etag ? { etag: s.etag } : {}),
      ...(s.lastModified ? { lastModified: s.lastModified } : {}),
    });
    if (got.kind === 'not-modified')
      return { at: this.#nowIso(), outcome: 'not-modified', text: 'not modified since the last fetch' };
    const { program, notes } = await readProgramText(got.text, source, this.#zoneOpt());
    // Staff pointed at another source meanwhile: this answer must neither publish nor set validators.
    if (this.#state.source !== source)
      return { at: this.#nowIso(), outcome: 'unchanged', text: 'the source changed during the fetch' };
    const result = await this.#take(program, source, notes);
    // Validators only from an answer that gave a usable schedule: a broken one is fetched again.
    const next = { ...this.#state };
    delete next.etag;
    delete next.lastModified;
    if (got.etag) next.etag = got.etag;
    if (got.lastModified) next.lastModified = got.lastModified;
    this.#save(next);
    return result;
  }

  /** A usable version from `source`: published, held, or the same as the one in force. */
  /** What the version comes to; `notes` are the import's warnings, shown with it as `hallway check` shows them. */
  async #take(program: StoredProgram, source: string, notes: string[]): Promise<FollowResult> {
    const result = await this.#publishOrHold(program, source);
    return notes.length ? { ...result, warnings: notes.slice(0, FOLLOW_MAX_WARNINGS) } : result;
  }

  async #publishOrHold(program: StoredProgram, source: string): Promise<FollowResult> {
    const at = this.#nowIso();
    const label = source.startsWith(UPLOAD_PREFIX) ? source.slice(UPLOAD_PREFIX.length) : source;
    const hash = this.state.versions.save(program);
    if (hash === this.state.baseHash)
      return { at, outcome: 'unchanged', text: 'the same program as the one in force' };
    if (this.#state.mode === 'hold') {
      if (hash === this.#state.rejected)
        return { at, outcome: 'unchanged', text: 'the version staff rejected: not held again' };
      const diff = diffPrograms(this.state.base, program);
      const summary = diffSummary(diff);
      if (this.#state.pending?.hash !== hash) {
        this.#save({ ...this.#state, pending: { hash, source: label, at, summary, diff } });
        this.#log(`program: new version from ${label} held for approval: ${summary}`);
      }
      return { at, outcome: 'held', text: `held for approval: ${summary}` };
    }
    const entry = this.state.publishProgram(program, label);
    if (!entry || entry.type !== 'program')
      return { at, outcome: 'unchanged', text: 'the same program as the one in force' };
    this.#log(`program updated from ${label}: ${entry.summary} (revision ${entry.revision})`);
    return { at, outcome: 'published', text: `published as revision ${entry.revision}: ${entry.summary}` };
  }

  #record(result: FollowResult): void {
    const failed = result.outcome === 'failed';
    const next: FollowState = {
      ...this.#state,
      lastFetch: result.at,
      lastResult: result,
      failingSince: failed ? (this.#state.failingSince ?? result.at) : null,
      lastGood: failed ? this.#state.lastGood : result.at,
      lastFailure: failed ? result : this.#state.lastFailure,
    };
    if (failed && !this.#state.failingSince)
      this.#log(`program: fetching ${this.#state.source} failed, the version in force stays: ${result.text}`);
    this.#save(next);
  }

  #save(next: FollowState): void {
    this.#state = next;
    try {
      this.store.set('settings', { ...this.store.get('settings'), follow: next });
    } catch (e) {
      // The follower keeps working from memory; the admin still sees its state.
      this.#log(`program: cannot keep the follower's state in the store: ${(e as Error).message}`);
    }
  }

  #nowIso(): string {
    return new Date(this.#realNow()).toISOString();
  }
}

function failureText(e: unknown): string {
  if (e instanceof FetchFailure) return e.message;
  if (e instanceof ProgramFileError) {
    const shown = e.problems.slice(0, 3).join('; ');
    const more = e.problems.length > 3 ? ` (and ${e.problems.length - 3} more)` : '';
    return `not a usable schedule: ${shown}${more}`;
  }
  return `failed: ${(e as Error).message}`;
}

/** A source for `--follow`: a URL as given, a file made absolute. */
export const followSource = (given: string): string => (isUrl(given) ? given : resolve(given));
