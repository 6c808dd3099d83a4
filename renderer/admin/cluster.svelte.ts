import type { ClusterInfo } from '../../core/protocol/index.js';
import type { AdminApi } from './api.js';

/** Often enough to see a host or a NATS node go and come back while staff watch. */
export const CLUSTER_POLL_MS = 3_000;

/** GET /api/cluster, polled while the admin is open; `info.stream` null: a host of its own. */
export class ClusterPoll {
  info = $state<ClusterInfo | null>(null);
  error = $state<string | null>(null);
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly api: AdminApi,
    private readonly onUnauthorized: (message: string) => void,
  ) {}

  start(): void {
    if (this.#timer) return;
    void this.poll();
    this.#timer = setInterval(() => void this.poll(), CLUSTER_POLL_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async poll(): Promise<void> {
    const res = await this.api.cluster();
    if (res.ok) {
      this.info = res.value;
      this.error = null;
      // A host without --cluster has nothing more to say: stop asking.
      if (res.value.stream === null) this.stop();
      return;
    }
    this.error = res.error;
    if (res.status === 401) this.onUnauthorized(res.error);
  }
}
