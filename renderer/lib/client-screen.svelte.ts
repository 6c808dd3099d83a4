import type { Assignment, Heartbeat, PageKind, ReloadReason } from '../../core/protocol/index.js';
import {
  assignedLanguage,
  bootReason,
  engineOf,
  hallwayVersion,
  markReload,
  pageFor,
  readDirective,
  screenSecret,
  wantsReload,
  withoutParam,
} from './client-screen.js';

const storage = (which: 'localStorage' | 'sessionStorage'): Storage | null => {
  try {
    return typeof window === 'undefined' ? null : window[which];
  } catch {
    return null;
  }
};

const randomId = (): string => {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * This screen as the registry knows it: what the host assigned (followed in place, within a
 * second of the change), identify, staff reloads, and what it reports of itself.
 */
export class ScreenLink {
  /** What staff assigned; null: none (the URL says what to show). */
  assignment = $state.raw<Assignment | null>(null);
  /** The host has told this screen its directive at least once. */
  told = $state(false);
  /** Showing its name and id in large type (identify). */
  identifying = $state(false);
  /** The slide on screen, for the admin's thumbnail (the page sets it). */
  slide = $state<string | null>(null);
  readonly name: string;
  readonly #page: PageKind;
  readonly #boot = randomId();
  readonly #reason: ReloadReason;
  readonly #secret: string | undefined;
  readonly #startedAt = typeof performance === 'undefined' ? 0 : performance.now();
  #identifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(name: string, page: PageKind) {
    this.name = name;
    this.#page = page;
    const nav =
      typeof performance === 'undefined'
        ? undefined
        : (performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
    this.#reason = bootReason(storage('sessionStorage'), search(), nav);
    this.#secret = screenSecret(name, storage('localStorage'), randomId);
    // The shell's `?reload=crash` said its word; a later reload must not repeat it.
    const clean = typeof history === 'undefined' ? null : withoutParam(location.href, 'reload');
    if (clean) history.replaceState(history.state, '', clean);
  }

  /** The language to show: the assignment's, else `?lang=` (helper i18n resolves the rest). */
  get lang(): string | undefined {
    return assignedLanguage(this.assignment, search());
  }

  /** An SSE `screen` event: follow the assignment, identify, reload when staff asked. */
  receive(data: unknown): void {
    const d = readDirective(data, this.name);
    if (!d) return;
    if (wantsReload(storage('sessionStorage'), this.name, d.reload)) {
      markReload(storage('sessionStorage'), 'staff');
      location.reload();
      return;
    }
    this.assignment = d.assignment;
    this.told = true;
    const go = pageFor(d.assignment, { page: this.#page, screen: this.name, search: search() });
    if (go) location.assign(go);
    if (this.#identifyTimer) clearTimeout(this.#identifyTimer);
    this.identifying = d.identifyMs > 0;
    if (this.identifying) this.#identifyTimer = setTimeout(() => (this.identifying = false), d.identifyMs);
  }

  /** The watchdog is about to reload the page. */
  markWatchdog(): void {
    markReload(storage('sessionStorage'), 'watchdog');
  }

  /** The report's fields beyond page, room and revision. */
  report(): Omit<Heartbeat, 'screen' | 'page' | 'room' | 'revision' | 'offline'> {
    const lang = this.lang;
    const engine = typeof navigator === 'undefined' ? undefined : engineOf(navigator.userAgent);
    const version = hallwayVersion();
    return {
      ...(this.#secret ? { secret: this.#secret } : {}),
      ...(lang ? { lang } : {}),
      ...(typeof window !== 'undefined'
        ? { viewport: { width: Math.round(window.innerWidth), height: Math.round(window.innerHeight) } }
        : {}),
      ...(engine ? { engine } : {}),
      ...(version ? { hallway: version } : {}),
      uptimeMs: Math.max(
        0,
        Math.round((typeof performance === 'undefined' ? 0 : performance.now()) - this.#startedAt),
      ),
      boot: this.#boot,
      reason: this.#reason,
      ...(this.slide ? { slide: this.slide.slice(0, 40) } : {}),
    };
  }
}

const search = () => (typeof location === 'undefined' ? '' : location.search);
