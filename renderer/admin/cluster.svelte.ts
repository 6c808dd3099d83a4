import type { ClusterInfo } from '../../core/protocol/index.js';
import type { AdminApi } from './api.js';

/** Often enough to see a host or a NATS node go and come back while staff watch. */
export const CLUSTER_POLL_MS = 3_000;

/** GET /api/cluster as last answered; `info.stream` null: a host of its own, nothing to show. */
export class ClusterView {
  info = $state<ClusterInfo | null>(null);
  error = $state<string | null>(null);

  constructor(
    private readonly api: AdminApi,
    private readonly onUnauthorized: (message: string) => void,
  ) {}

  /** Asks the host; false once it says it has no cluster (no need to ask again). */
  async poll(): Promise<boolean> {
    const res = await this.api.cluster();
    if (!res.ok) {
      this.error = res.error;
      if (res.status === 401) this.onUnauthorized(res.error);
      return true;
    }
    this.info = res.value;
    this.error = null;
    return res.value.stream !== null;
  }
}
