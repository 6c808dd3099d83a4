import type { RegistryInfo, ScreenInfo } from '../../core/protocol/index.js';
import type { AdminApi } from './api.js';
import { Poller } from './poller.js';

export const SCREENS_POLL_MS = 5_000;
/** After a change: screens beat as soon as they apply it, so ask again shortly. */
const SOON_MS = [300, 800, 1_500, 2_500];

/**
 * What the host knows of a revision's reach: of the screens that checked in lately (not stale;
 * the admin windows left out), how many report having applied it. Nothing more is claimed.
 */
export function reach(
  screens: readonly ScreenInfo[],
  revision: number,
): { showing: number; connected: number } {
  const connected = screens.filter((s) => !s.stale && s.page !== 'admin');
  return { showing: connected.filter((s) => s.revision >= revision).length, connected: connected.length };
}

/** The registry (its screens, cap and refusals), polled from the host every 5 s while the admin is open. */
export class ScreenPoll {
  screens = $state<ScreenInfo[]>([]);
  /** The registry's cap and fill, as the host last said (null before its first answer). */
  registry = $state<Omit<RegistryInfo, 'screens'> | null>(null);
  error = $state<string | null>(null);
  status = $state<number | null>(null);
  /** Our real time of the last answer, for "last seen" (the host stamps lastSeen in its real time). */
  fetchedAt = $state(0);
  #poller = new Poller(() => this.#ask(), SCREENS_POLL_MS);

  constructor(
    private readonly api: AdminApi,
    private readonly onUnauthorized: (message: string) => void,
  ) {}

  start(): void {
    this.#poller.start();
  }

  /** Polls a few times soon: the list then says which screens took a change just made. */
  soon(): void {
    this.#poller.soon(SOON_MS);
  }

  stop(): void {
    this.#poller.stop();
  }

  poll(): Promise<void> {
    return this.#poller.now();
  }

  async #ask(): Promise<void> {
    const res = await this.api.registry();
    this.fetchedAt = Date.now();
    if (res.ok) {
      const { screens, ...registry } = res.value;
      this.screens = [...screens].sort(
        (a, b) => a.page.localeCompare(b.page) || (a.room ?? '').localeCompare(b.room ?? ''),
      );
      this.registry = registry;
      this.error = null;
      this.status = 200;
      return;
    }
    this.status = res.status;
    this.error = res.error;
    if (res.status === 401) this.onUnauthorized(res.error);
  }
}
