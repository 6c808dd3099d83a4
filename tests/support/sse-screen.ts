// A screen reduced to its event stream, for cluster tests: follows one host's /api/events and,
// when that stream ends or fails, moves to the next host of its list, resuming with
// ?since=<last revision>&journal=<id> as the renderer does. Keeps every revision it saw.

export class SseScreen {
  revision = 0;
  journal: string | undefined;
  /** The host it streams from now (null while it moves). */
  on: string | null = null;
  /** `refetch` hellos (a resume the host could not continue): a cluster should give none. */
  refetches: string[] = [];
  seen: number[] = [];
  /** Entries out of order (a gap or a repeat): a cluster should give none. */
  problems: string[] = [];
  #stopped = false;
  #controller: AbortController | null = null;
  #waiters: (() => void)[] = [];

  constructor(
    public hosts: string[],
    start = 0,
  ) {
    void this.#run(start);
  }

  async #run(start: number): Promise<void> {
    for (let i = start; !this.#stopped; i = (i + 1) % this.hosts.length) {
      const host = this.hosts[i]!;
      try {
        await this.#follow(host);
      } catch {
        // That host is gone: the next one.
      }
      this.on = null;
      this.#notify();
      if (!this.#stopped) await new Promise((r) => setTimeout(r, 50));
    }
  }

  async #follow(host: string): Promise<void> {
    this.#controller = new AbortController();
    const q = this.journal ? `?since=${this.revision}&journal=${encodeURIComponent(this.journal)}` : '';
    const res = await fetch(`${host}/api/events${q}`, { signal: this.#controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || !data) continue;
        const json = JSON.parse(data) as {
          journal?: string;
          refetch?: string;
          revision?: number;
          entry?: { revision: number };
        };
        if (event === 'hello') {
          if (json.refetch) this.refetches.push(json.refetch);
          // A first connection streams what comes after the host's revision (a screen has its snapshot).
          if (!this.journal) this.revision = json.revision ?? 0;
          this.journal = json.journal;
          this.on = host;
        } else if (event === 'journal' && json.entry) {
          if (json.entry.revision !== this.revision + 1)
            this.problems.push(`${host}: revision ${json.entry.revision} after ${this.revision}`);
          this.revision = json.entry.revision;
          this.seen.push(this.revision);
        }
        this.#notify();
      }
    }
  }

  #notify(): void {
    const w = this.#waiters;
    this.#waiters = [];
    for (const f of w) f();
  }

  /** Resolves once `ok()` holds, or rejects after `ms` saying what it waited for. */
  async until(ok: () => boolean, ms: number, what: string): Promise<void> {
    const end = Date.now() + ms;
    while (!ok()) {
      const left = end - Date.now();
      if (left <= 0)
        throw new Error(`screen: not ${what} within ${ms} ms (on ${this.on}, revision ${this.revision})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 100));
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#controller?.abort();
  }
}
