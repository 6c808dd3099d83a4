import { createHash } from 'node:crypto';
import {
  type Alarm,
  type Assignment,
  type Heartbeat,
  IDENTIFY_MS,
  type RegistryInfo,
  SCREEN_BEHIND_MS,
  SCREEN_SILENT_MS,
  type ScreenDirective,
  type ScreenInfo,
} from '../../core/protocol/index.js';
import type { ScreenEntry } from '../../core/overrides/schema.js';
import type { Journal } from './journal.js';
import { RefusalLog } from './screens-refused.js';
import {
  memoryRegistryStore,
  type RegistryMark,
  type RegistryStore,
  type StoredScreen,
} from './screens-store.js';

/** Why a heartbeat was not taken. */
export type BeatRefusal =
  { reason: 'address-full' | 'list-full'; limit: number } | { reason: 'name-taken'; screen: string };

export interface RegistryOptions {
  /** Host real time (never the program clock): liveness runs on it. Tests inject it. */
  realNow?: () => number;
  maxScreens?: number;
  maxPerAddress?: number;
  /** Addresses the per-address bound does not apply to (loopback, unless told). */
  unbounded?: (address: string) => boolean;
  store?: RegistryStore;
  /** Beats are saved together at most this often (ms); a change by staff at once. */
  saveEveryMs?: number;
}

type Entry = StoredScreen & { identifyUntil: number };
type Watcher = (d: ScreenDirective) => void;
/** What staff set for a screen that has not beat this host (yet): it takes it at its first beat. */
type StaffSet = Pick<StoredScreen, 'assignment' | 'group' | 'staffReloads'>;

/** A command's target, as staff give it. */
export interface ScreenTarget {
  screens?: string[];
  group?: string;
  all?: true;
}

/** Revisions whose making time is kept for the "behind" alarm. */
const MAX_CHANGES = 1_000;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * The registry of screens (issue 15): every screen that beat, what it last reported, and what
 * staff set for it (assignment, group, reloads asked). What staff set is journalled (`screen`
 * entries, see follow()), so every host of a cluster holds it and a screen that moves to another
 * host keeps its assignment; the store caches the list and the reports across a restart. Heartbeats need no token, so reports are bounded: per
 * address and in total, and a name bound to a secret (the first beat that brings one) takes no
 * beat without it. A full registry makes room only by dropping a silent screen staff never set
 * anything for; never one that beats, never one staff manage.
 */
export class ScreenRegistry {
  #screens = new Map<string, Entry>();
  #staff = new Map<string, StaffSet>();
  /** The journal and the last staff entry applied (saved with the list: a restart applies those after it). */
  #mark: RegistryMark | null = null;
  #journalId: () => string | null = () => null;
  #perAddress = new Map<string, number>();
  #watchers = new Map<string, Set<Watcher>>();
  /** [revision, host real time it was made], oldest first. */
  #changes: [number, number][] = [];
  #startedAt: number;
  #store: RegistryStore;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #refused = new RefusalLog();
  readonly realNow: () => number;
  readonly maxScreens: number;
  readonly maxPerAddress: number;
  #unbounded: (address: string) => boolean;
  #saveEveryMs: number;

  constructor(o: RegistryOptions = {}) {
    this.realNow = o.realNow ?? Date.now;
    this.maxScreens = o.maxScreens ?? 500;
    this.maxPerAddress = o.maxPerAddress ?? 50;
    this.#unbounded = o.unbounded ?? (() => false);
    this.#store = o.store ?? memoryRegistryStore();
    this.#saveEveryMs = o.saveEveryMs ?? 30_000;
    this.#startedAt = this.realNow();
    for (const s of this.#store.load()) {
      this.#screens.set(s.screen, { ...s, identifyUntil: 0 });
      this.#count(s.address, +1);
    }
  }

  get size(): number {
    return this.#screens.size;
  }

  /** Records the beat; a refused one changes nothing but the list of those refused. */
  beat(beat: Heartbeat, address?: string): BeatRefusal | null {
    const refused = this.#take(beat, address);
    if (refused?.reason === 'address-full' || refused?.reason === 'list-full')
      this.#refused.note({
        screen: beat.screen,
        reason: refused.reason,
        ...(address !== undefined ? { address } : {}),
        at: this.realNow(),
      });
    else if (!refused) this.#refused.taken(beat.screen);
    return refused;
  }

  #take(beat: Heartbeat, address?: string): BeatRefusal | null {
    const now = this.realNow();
    const known = this.#screens.get(beat.screen);
    if (
      known?.secretHash !== undefined &&
      (beat.secret === undefined || hash(beat.secret) !== known.secretHash)
    )
      return { reason: 'name-taken', screen: beat.screen };
    if (!known) {
      if (
        address !== undefined &&
        !this.#unbounded(address) &&
        (this.#perAddress.get(address) ?? 0) >= this.maxPerAddress &&
        !this.#dropSilent(now, address)
      )
        return { reason: 'address-full', limit: this.maxPerAddress };
      if (this.#screens.size >= this.maxScreens && !this.#dropSilent(now))
        return { reason: 'list-full', limit: this.maxScreens };
    }
    const { secret, ...report } = beat;
    const newBoot = beat.boot !== undefined && beat.boot !== known?.boot;
    const entry: Entry = {
      ...(known ?? {
        screen: beat.screen,
        firstSeen: now,
        reloads: 0,
        assignment: null,
        group: null,
        staffReloads: 0,
        identifyUntil: 0,
        ...this.#staff.get(beat.screen),
      }),
      report,
      lastSeen: now,
    };
    this.#staff.delete(beat.screen);
    if (secret !== undefined && entry.secretHash === undefined) entry.secretHash = hash(secret);
    if (newBoot) {
      // The first load of a screen is not a reload; every later one is, whatever its reason.
      if (known?.boot !== undefined) entry.reloads++;
      entry.boot = beat.boot;
      entry.lastReload = { at: now - (beat.uptimeMs ?? 0), why: beat.reason ?? 'other' };
    }
    this.#count(known?.address, -1);
    if (address !== undefined) entry.address = address;
    else delete entry.address;
    this.#count(entry.address, +1);
    // Map order is last-beat order: the first entries are the longest silent.
    this.#screens.delete(beat.screen);
    this.#screens.set(beat.screen, entry);
    // Reports are saved together, at most every saveEveryMs: a flood of new screens must not
    // rewrite the store once each (conf rewrites the whole file).
    this.#saveSoon();
    return null;
  }

  /**
   * Follows staff's entries in `journal`: those after the saved list's mark at once (a restart
   * after a crash between the two writes), then each as it comes, whichever host journalled it.
   * Returns the unsubscribe.
   */
  follow(journal: Pick<Journal, 'id' | 'entries' | 'subscribe'>): () => void {
    this.#journalId = () => journal.id;
    const mark = this.#store.mark();
    const after = mark?.journal === journal.id ? mark.revision : 0;
    this.#mark = { journal: journal.id, revision: after };
    const missed = journal.entries.filter((e): e is ScreenEntry => e.type === 'screen' && e.revision > after);
    for (const e of missed) this.#apply(e, false);
    if (missed.length) this.save();
    return journal.subscribe((e) => {
      if (e.type !== 'screen') return;
      this.#apply(e, true);
      this.save();
    });
  }

  /**
   * One staff entry. Each is a setting, so applying one twice changes nothing: a reload sets the
   * screen's count to the entry's revision (the screen reloads when the count grows). Identify
   * is a request of the moment: only as it comes, not when the journal is replayed.
   */
  #apply(e: ScreenEntry, live: boolean): void {
    const now = this.realNow();
    for (const name of e.screens) {
      const known = this.#screens.get(name);
      if (e.action === 'forget') {
        if (known) this.#remove(known);
        this.#staff.delete(name);
        continue;
      }
      if (e.action === 'identify') {
        if (live && known) {
          known.identifyUntil = now + IDENTIFY_MS;
          this.#tell(known);
        }
        continue;
      }
      const set = known ?? this.#staff.get(name) ?? { assignment: null, group: null, staffReloads: 0 };
      if (e.action === 'assign') {
        if (e.assignment !== undefined) set.assignment = e.assignment;
        if (e.group !== undefined) set.group = e.group;
      } else set.staffReloads = Math.max(set.staffReloads, e.revision);
      if (!known) this.#staff.set(name, set);
      this.#tellName(name);
    }
    const journal = this.#journalId();
    if (journal !== null) {
      const before = this.#mark?.journal === journal ? this.#mark.revision : 0;
      this.#mark = { journal, revision: Math.max(before, e.revision) };
    }
  }

  /** Whether staff can act on the screen here: it beat this host, or staff set something for it. */
  knows(screen: string): boolean {
    return this.#screens.has(screen) || this.#staff.has(screen);
  }

  /**
   * The screens a command reaches, by name: those of the group (wherever they beat), those named
   * that are known here or in `elsewhere` (the screens other hosts of a cluster announce), or all
   * of them but admin pages.
   */
  resolve(target: ScreenTarget, elsewhere: readonly string[] = []): string[] {
    const hit = new Set<string>();
    if (target.all) {
      for (const e of this.#screens.values()) if (e.report.page !== 'admin') hit.add(e.screen);
      for (const name of elsewhere) hit.add(name);
    } else if (target.group !== undefined) {
      for (const e of this.#screens.values()) if (e.group === target.group) hit.add(e.screen);
      for (const [name, set] of this.#staff) if (set.group === target.group) hit.add(name);
    } else
      for (const name of target.screens ?? [])
        if (this.knows(name) || elsewhere.includes(name)) hit.add(name);
    return [...hit].sort();
  }

  /** The screen as listed now (after staff's entry for it), or null when it never beat here. */
  infoOf(screen: string, hostRevision: number): ScreenInfo | null {
    const e = this.#screens.get(screen);
    return e ? this.#info(e, this.realNow(), hostRevision) : null;
  }

  dismiss(screen: string, alarm: Alarm): boolean {
    const e = this.#screens.get(screen);
    if (!e) return false;
    e.dismissed = alarm;
    this.save();
    return true;
  }

  /** Drops a screen: its name (and secret) is free again. */
  forget(screen: string): boolean {
    const e = this.#screens.get(screen);
    if (!e) return false;
    this.#remove(e);
    this.save();
    return true;
  }

  /** A revision was made now: screens still on an older one 10 s from now raise an alarm. */
  noteRevision(revision: number): void {
    this.#changes.push([revision, this.realNow()]);
    if (this.#changes.length > MAX_CHANGES) this.#changes.shift();
  }

  /** The assignment staff set for a screen (the shell's window plan takes it). */
  assignment(screen: string): Assignment | null {
    return (this.#screens.get(screen) ?? this.#staff.get(screen))?.assignment ?? null;
  }

  /** What the screen is told; one that has not beat here yet is told what staff set for it. */
  directive(screen: string): ScreenDirective {
    const e = this.#screens.get(screen);
    const set = e ?? this.#staff.get(screen);
    return {
      screen,
      assignment: set?.assignment ?? null,
      identifyMs: e ? Math.max(0, e.identifyUntil - this.realNow()) : 0,
      reload: set?.staffReloads ?? 0,
    };
  }

  /** Calls `fn` with the screen's directive whenever staff change it; returns the unsubscribe. */
  watch(screen: string, fn: Watcher): () => void {
    const set = this.#watchers.get(screen) ?? new Set();
    set.add(fn);
    this.#watchers.set(screen, set);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.#watchers.delete(screen);
    };
  }

  /** Every screen, with its alarm judged against the host's revision now. */
  list(hostRevision: number): ScreenInfo[] {
    const now = this.realNow();
    return [...this.#screens.values()]
      .map((e) => this.#info(e, now, hostRevision))
      .sort((a, b) => a.screen.localeCompare(b.screen));
  }

  /** The list with the cap, how full it is, and the screens it refused lately (GET registry). */
  info(hostRevision: number): RegistryInfo {
    const now = this.realNow();
    let replaceable = 0;
    for (const e of this.#screens.values())
      if (this.#silent(e, now) && e.assignment === null && e.group === null) replaceable++;
    return {
      screens: this.list(hostRevision),
      cap: this.maxScreens,
      perAddress: this.maxPerAddress,
      replaceable,
      refused: this.#refused.recent(now),
    };
  }

  /** Writes the registry now (staff changes, new screens; and at close). */
  save(): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    const journal = this.#journalId();
    const mark =
      this.#mark && journal === this.#mark.journal ? this.#mark : journal ? { journal, revision: 0 } : null;
    this.#store.save(
      [...this.#screens.values()].map(({ identifyUntil: _, ...s }) => s),
      mark,
    );
  }

  /** Saves what is pending and stops the timer (host shutdown). */
  close(): void {
    if (this.#saveTimer) this.save();
  }

  #saveSoon(): void {
    if (this.#saveTimer) return;
    this.#saveTimer = setTimeout(() => this.save(), this.#saveEveryMs);
    this.#saveTimer.unref?.();
  }

  #tell(e: Entry): void {
    this.#tellName(e.screen);
  }

  #tellName(screen: string): void {
    const watchers = this.#watchers.get(screen);
    if (!watchers?.size) return;
    const d = this.directive(screen);
    for (const fn of watchers) fn(d);
  }

  #silent = (e: Entry, now: number) => now - e.lastSeen > SCREEN_SILENT_MS;

  #alarm(e: Entry, now: number, hostRevision: number | null): Alarm | null {
    if (e.report.page === 'admin') return null;
    let alarm: Alarm | null = null;
    if (this.#silent(e, now)) alarm = { kind: 'silent', since: e.lastSeen + SCREEN_SILENT_MS };
    else if (hostRevision !== null && e.report.revision < hostRevision) {
      // Since the first revision after the one it shows was made (before this host started: its start).
      const made = this.#changes.find(([r]) => r > e.report.revision)?.[1] ?? this.#startedAt;
      const since = Math.max(made, this.#startedAt) + SCREEN_BEHIND_MS;
      if (now >= since) alarm = { kind: 'behind', since };
    }
    if (alarm && e.dismissed?.kind === alarm.kind && e.dismissed.since === alarm.since) return null;
    return alarm;
  }

  #info(e: Entry, now: number, hostRevision: number | null): ScreenInfo {
    return {
      ...e.report,
      screen: e.screen,
      lastSeen: e.lastSeen,
      firstSeen: e.firstSeen,
      stale: this.#silent(e, now),
      ...(e.address !== undefined ? { address: e.address } : {}),
      reloads: e.reloads,
      ...(e.lastReload ? { lastReload: e.lastReload } : {}),
      assignment: e.assignment,
      group: e.group,
      alarm: this.#alarm(e, now, hostRevision),
      bound: e.secretHash !== undefined,
    };
  }

  /** Drops the longest-silent screen nobody manages (of `address`, if given), if there is one. */
  #dropSilent(now: number, address?: string): boolean {
    for (const e of this.#screens.values()) {
      if (address !== undefined && e.address !== address) continue;
      if (!this.#silent(e, now)) return false;
      if (e.assignment !== null || e.group !== null) continue;
      this.#remove(e);
      return true;
    }
    return false;
  }

  #remove(e: Entry): void {
    this.#screens.delete(e.screen);
    this.#count(e.address, -1);
  }

  #count(address: string | undefined, by: number): void {
    if (address === undefined) return;
    const n = (this.#perAddress.get(address) ?? 0) + by;
    if (n > 0) this.#perAddress.set(address, n);
    else this.#perAddress.delete(address);
  }
}
