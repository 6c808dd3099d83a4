import type { Heartbeat } from '../../core/protocol/index.js';
import { ROUTES } from '../../core/protocol/wire.js';
import type { ResolvedOptions } from './client-options.js';
import type { StreamLink } from './client-stream.js';

const WATCHDOG_MS = 45_000;

/**
 * Tells the host (and so the admin's screen list) which revision this screen shows. Answers the
 * host's word when it refused this screen's name (409: another screen holds it), else null.
 */
export async function sendHeartbeat(
  opts: ResolvedOptions,
  revision: number,
  online: boolean,
  report: Partial<Heartbeat> = {},
): Promise<string | null> {
  const hb: Heartbeat = {
    ...report,
    screen: opts.screen,
    page: opts.page,
    revision,
    offline: !online,
    ...(opts.room ? { room: opts.room } : {}),
  };
  try {
    const res = await fetch(opts.baseUrl + ROUTES.heartbeat, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hb),
    });
    if (res.status !== 409) return null;
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    return typeof body?.error === 'string' ? body.error : `the screen name "${opts.screen}" is taken`;
  } catch {
    return null; // offline: the stream's error handler already reconnects
  }
}

/**
 * Heartbeats one at a time. Two in flight may reach the host out of order (a browser sends them
 * on two connections), and then the older revision is the last it heard for a whole interval:
 * the admin shows the screen behind and raises its alarm. A beat asked for while one is in
 * flight is sent once after it, with what is true then.
 */
export class HeartbeatSender {
  #inFlight: Promise<string | null> | null = null;
  #again = false;

  constructor(readonly sendOne: () => Promise<string | null>) {}

  /** Sends a heartbeat; resolves with the host's refusal of this screen's name, else null. */
  send(): Promise<string | null> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    const run = async (): Promise<string | null> => {
      let refused: string | null;
      try {
        do {
          this.#again = false;
          refused = await this.sendOne();
        } while (this.#again);
      } finally {
        this.#inFlight = null;
      }
      return refused;
    };
    this.#inFlight = run();
    return this.#inFlight;
  }
}

export interface WatchdogContext {
  opts: ResolvedOptions;
  stream: StreamLink;
  revision(): number;
  fetchSnapshot(): Promise<boolean>;
  /** Called just before the watchdog reloads the page (the next load says why). */
  beforeReload?(): void;
}

/** Runs with each heartbeat: a stream silent for too long is checked, reopened or the page reloaded. */
export async function watchdog(c: WatchdogContext): Promise<void> {
  if (c.stream.quietMs < WATCHDOG_MS) return;
  if (c.stream.isOpen) {
    // A stream can look open yet be dead (half-open TCP): compare revisions with the host's.
    c.stream.markChecked();
    const rev = await hostRevision(c.opts.baseUrl);
    if (rev !== null && rev > c.revision()) {
      await c.fetchSnapshot();
      c.stream.open();
    }
    return;
  }
  if (!c.opts.watchdog) return;
  // Reload only when the host answers: a reload while it is away would show a browser error page.
  if ((await hostRevision(c.opts.baseUrl)) !== null) {
    c.beforeReload?.();
    location.reload();
  }
}

/** The host's revision from /api/health, or null when it does not answer. */
async function hostRevision(baseUrl: string): Promise<number | null> {
  try {
    const res = await fetch(baseUrl + ROUTES.health, { cache: 'no-store' });
    if (!res.ok) return null;
    const body = (await res.json()) as { revision?: unknown };
    return typeof body.revision === 'number' ? body.revision : 0;
  } catch {
    return null; // host away: keep running from the cache
  }
}
