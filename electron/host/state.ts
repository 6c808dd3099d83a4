import { applyOverrides, checkOverride } from '../../core/overrides/apply.js';
import { checkRevert, withoutNotice } from '../../core/overrides/revert.js';
import type {
  JournalEntry,
  OverrideInput,
  OverrideReview,
  ScreenEntry,
} from '../../core/overrides/schema.js';
import { diffPrograms, diffSummary } from '../../core/program/diff.js';
import type { Program, StoredProgram } from '../../core/program/schema.js';
import type { ClockInfo, ClockInput } from '../../core/protocol/index.js';
import { isoInVenue } from '../../core/time/venue.js';
import { afterClockEntry, type ClockSetting, type HostClock } from './clock.js';
import { type Journal, type NewEntry, StaleRevision } from './journal.js';
import { ProgramVersions } from './programs.js';
import { HostSettings } from './settings.js';

export interface Effective {
  revision: number;
  program: Program;
  problems: string[];
  /** Overrides a newer program version left behind: gone, or to review. */
  review: OverrideReview[];
}

/** A refusal the API turns into a 4xx with this status and message. */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** How often a change is checked again when other hosts keep writing first, before it gives up. */
const MAX_RETRIES = 20;

/**
 * The host's state: the program versions, the journal, the clock. The base program is the
 * latest 'program' entry's version (else the program the host was started with); the effective
 * program is the base with the overrides applied, computed once per revision, not per request.
 */
export class HostState {
  #effective: Effective | null = null;
  readonly versions: ProgramVersions;

  constructor(
    initial: StoredProgram | ProgramVersions,
    readonly journal: Journal,
    readonly clock: HostClock,
    /** Keeps a journalled clock change in the settings (after the journal: see keptClock). */
    private readonly keepClock: (setting: ClockSetting, revision: number) => void = () => {},
    /** The screens' settings (default: from the journal only, kept nowhere else). */
    readonly settings: HostSettings = new HostSettings(journal),
  ) {
    this.versions = initial instanceof ProgramVersions ? initial : new ProgramVersions(initial, null);
    // A clock entry sets the clock as it is journalled, before any stream sends it on, whichever
    // host wrote it (a cluster's hosts all follow one journal).
    journal.subscribe((e) => {
      if (e.type !== 'clock') return;
      const setting = afterClockEntry(this.clock.setting, e.clock);
      this.clock.set(setting);
      if (this.journal.revision === e.revision) this.keepClock(setting, e.revision);
    });
  }

  /**
   * Journals what `make` builds from the state at the revision now: `make` checks it (throwing
   * Refusal) and the entry is stored only if the journal is still at that revision. When another
   * host wrote first, the journal catches up and the change is checked again.
   */
  async #commit(make: () => NewEntry): Promise<JournalEntry> {
    for (let attempt = 0; ; attempt++) {
      const after = this.journal.revision;
      const entry = make();
      try {
        return await this.journal.append(entry, { after });
      } catch (e) {
        if (!(e instanceof StaleRevision) || attempt >= MAX_RETRIES) throw e;
        await this.journal.reach(e.last);
      }
    }
  }

  get revision(): number {
    return this.journal.revision;
  }

  /** The program version in force, before overrides. */
  get base(): StoredProgram {
    return this.#current().program;
  }

  get baseHash(): string {
    return this.#current().hash;
  }

  #currentAt: { revision: number; version: { program: StoredProgram; hash: string } } | null = null;

  // Read on every request (the venue zone of the clock): found once per revision, and only a new
  // 'program' entry sends it through the whole journal, so an override costs the same at any size.
  #current(): { program: StoredProgram; hash: string } {
    const revision = this.journal.revision;
    const at = this.#currentAt;
    if (at?.revision === revision) return at.version;
    const changed = !at || this.journal.since(at.revision).some((e) => e.type === 'program');
    const version = changed ? this.versions.current(this.journal.entries) : at.version;
    this.#currentAt = { revision, version };
    return version;
  }

  effective(): Effective {
    const revision = this.journal.revision;
    const last = this.#effective;
    if (last?.revision === revision) return last;
    // New overrides, clock and screen entries apply on top of the last effective program (exact: the
    // screens rely on the same, property-tested), and so does the revert of an alert or an
    // announcement, so they cost the same with a journal of 10 or 10,000; anything else (another
    // revert, a program version, settings) replays the whole journal.
    // An override accepted since was checked against the version in force: the review stands.
    const added = last ? this.journal.since(last.revision) : [];
    const stepped = last ? stepOn(last, added) : null;
    if (stepped) this.#effective = { ...stepped, revision };
    else {
      const entries = this.journal.entries;
      const current = this.#current();
      // Looked up for every override: among the few version entries, not the whole journal again.
      const versions = entries.filter((e) => e.type === 'program');
      const { program, problems, review } = applyOverrides(current.program, [...entries], {
        // Overrides made against an older version are reviewed against this one.
        madeAgainst: (rev) => {
          const v = this.versions.before(versions, rev);
          return v.hash === current.hash ? undefined : v.program;
        },
      });
      this.#effective = { revision, program, problems, review };
    }
    return this.#effective;
  }

  /**
   * Journals `program` as the new version from `source` (its file stored first), or returns
   * null when it is the version in force already. The entry's summary is the diff from it.
   */
  async publishProgram(program: StoredProgram, source: string): Promise<JournalEntry | null> {
    const hash = this.versions.save(program);
    if (hash === this.baseHash) return null;
    const entry = await this.#commit(() => {
      const summary = diffSummary(diffPrograms(this.base, program));
      return { type: 'program', at: this.nowIso(), source, hash, summary };
    });
    if (entry.type === 'program') this.versions.prime(entry, program);
    return entry;
  }

  clockInfo(): ClockInfo {
    const hostReal = this.clock.realNow();
    const state = this.clock.state;
    const now = state.mode === 'real' ? hostReal : this.clock.now();
    return { state, hostReal, now: isoInVenue(this.base, now) };
  }

  nowIso(): string {
    return isoInVenue(this.base, this.clock.now());
  }

  /** Checks an override against the effective program and journals it; throws Refusal. */
  acceptOverride(o: OverrideInput): Promise<JournalEntry> {
    return this.#commit(() => {
      const clash = checkOverride(this.effective().program, o);
      if (clash) throw new Refusal(clash.status, clash.error);
      return { type: 'override', at: this.nowIso(), override: o };
    });
  }

  /**
   * Journals a revert of override `target`: 404 unknown, 409 not an override, already reverted,
   * or (unless `force`) putting a session back where another one now is.
   */
  revert(target: number, opts: { force?: boolean } = {}): Promise<JournalEntry> {
    return this.#commit(() => {
      const refused = checkRevert(this.base, this.journal.entries, target, opts);
      if (refused) throw new Refusal(refused.status, refused.error);
      return { type: 'revert', at: this.nowIso(), target };
    });
  }

  /** Journals staff's write to the screen registry; the registry takes it as it comes back. */
  writeScreens(write: Omit<ScreenEntry, 'type' | 'revision' | 'at'>): Promise<JournalEntry> {
    return this.#commit(() => ({ type: 'screen', at: this.nowIso(), ...write }));
  }

  /**
   * Applies a clock change: journalled (so a resuming stream sees it), then kept in the settings.
   * The journal is the truth: a start after a crash between the two takes the clock from it.
   */
  async changeClock(input: ClockInput): Promise<JournalEntry> {
    let next = this.clock.setting;
    const entry = await this.#commit(() => {
      // Planned from the clock at this revision (another host's change may have come in since).
      next = this.clock.plan(input);
      return { type: 'clock', at: this.nowIso(), clock: next.state };
    });
    // The entry set the clock already (the subscriber above); the plan's resume rate is exact.
    if (JSON.stringify(this.clock.state) === JSON.stringify(next.state)) this.clock.set(next);
    this.keepClock(this.clock.setting, entry.revision);
    return entry;
  }
}

/**
 * The effective program after `added`, from the last one, without replaying the journal: overrides,
 * clock and screen entries apply on top, and the revert of a notice takes it off (core's
 * withoutNotice, exact). null when an entry needs the replay (any other revert, a program version).
 */
function stepOn(last: Effective, added: readonly JournalEntry[]): Omit<Effective, 'revision'> | null {
  let { program, problems } = last;
  let run: JournalEntry[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const step = applyOverrides(program, run);
    program = step.program;
    problems = [...problems, ...step.problems];
    run = [];
  };
  for (const e of added) {
    if (e.type === 'override' || e.type === 'clock' || e.type === 'screen') {
      run.push(e);
      continue;
    }
    if (e.type !== 'revert') return null;
    flush();
    const off = withoutNotice(program, e.target, problems);
    if (!off) return null;
    program = off;
  }
  flush();
  return { program, problems, review: last.review };
}
