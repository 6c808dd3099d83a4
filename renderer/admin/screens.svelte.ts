import type { ScreenInfo } from '../../core/protocol/index.js';
import type { AdminApi } from './api.js';

export const SCREENS_POLL_MS = 5_000;

/** The connected screens, polled from the host every 5 s while the admin is open. */
export class ScreenPoll {
  screens = $state<ScreenInfo[]>([]);
  error = $state<string | null>(null);
  status = $state<number | null>(null);
  /** Our real time of the last answer, for "last seen" (the host stamps lastSeen in its real time). */
  fetchedAt = $state(0);
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly api: AdminApi,
    private readonly onUnauthorized: (message: string) => void,
  ) {}

  start(): void {
    if (this.#timer) return;
    void this.poll();
    this.#timer = setInterval(() => void this.poll(), SCREENS_POLL_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async poll(): Promise<void> {
    const res = await this.api.screens();
    this.fetchedAt = Date.now();
    if (res.ok) {
      this.screens = [...res.value].sort(
        (a, b) => a.page.localeCompare(b.page) || (a.room ?? '').localeCompare(b.room ?? ''),
      );
      this.error = null;
      this.status = 200;
      return;
    }
    this.status = res.status;
    this.error = res.error;
    if (res.status === 401) this.onUnauthorized(res.error);
  }
}
