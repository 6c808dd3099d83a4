import type { FollowInput, FollowResult, ProgramInfo } from '../../core/protocol/index.js';
import type { ApiResult, AdminApi } from './api.js';
import { Poller } from './poller.js';

export const PROGRAM_POLL_MS = 2_000;

/**
 * The Program panel's state: the followed source as the host reports it (polled while the admin
 * is open, so a failed fetch shows within seconds), and the outcome of what staff last did.
 */
export class ProgramPoll {
  info = $state<ProgramInfo | null>(null);
  error = $state<string | null>(null);
  message = $state<{ text: string; ok: boolean } | null>(null);
  busy = $state(false);
  /** Our real time of the last answer, to age the host's real-time stamps. */
  fetchedAt = $state(Date.now());
  #poller = new Poller(() => this.poll(), PROGRAM_POLL_MS);

  constructor(
    private readonly api: AdminApi,
    private readonly onUnauthorized: (message: string) => void,
  ) {}

  start(): void {
    this.#poller.start();
  }

  stop(): void {
    this.#poller.stop();
  }

  async poll(): Promise<void> {
    this.#take(await this.api.program(), null);
  }

  follow(input: FollowInput, what: string): Promise<void> {
    return this.#act(() => this.api.follow(input), what);
  }

  fetchNow(): Promise<void> {
    return this.#act(() => this.api.fetchProgram());
  }

  /** `zone`: the venue zone to read it in, for a file that names none ("" for the file's own). */
  upload(name: string, text: string, zone?: string): Promise<void> {
    return this.#act(() => this.api.upload(name, text, zone));
  }

  choose(choice: 'approve' | 'reject', hash: string): Promise<void> {
    return this.#act(() => this.api.choose(choice, hash));
  }

  async #act(
    call: () => Promise<ApiResult<ProgramInfo | { result: FollowResult; info: ProgramInfo }>>,
    what?: string,
  ): Promise<void> {
    this.busy = true;
    try {
      const res = await call();
      const result = res.ok && 'result' in res.value ? res.value.result : null;
      const text = result ? result.text : (what ?? 'Done.');
      this.#take(
        res.ok ? { ok: true, value: 'info' in res.value ? res.value.info : res.value } : res,
        res.ok ? { text, ok: result?.outcome !== 'failed' } : { text: res.error, ok: false },
      );
    } finally {
      this.busy = false;
    }
  }

  #take(res: ApiResult<ProgramInfo>, message: { text: string; ok: boolean } | null): void {
    this.fetchedAt = Date.now();
    if (message) this.message = message;
    if (res.ok) {
      this.info = res.value;
      this.error = null;
      return;
    }
    this.error = res.error;
    if (res.status === 401) this.onUnauthorized(res.error);
  }
}
