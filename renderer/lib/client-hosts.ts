/**
 * The hosts a screen may talk to (issue #18): its own page's host first, then those `?hosts=`
 * names and the snapshot lists (every host of a cluster). When its host stops answering, the
 * screen moves to the next one, resuming its stream where it was (the revisions are the same on
 * every host of a cluster): no reload, no snapshot fetch.
 */

/** Failed stream attempts in a row before moving on: the first retry rides out a blip. */
const FAILURES_BEFORE_MOVING = 2;

/** `?hosts=http://a:8710,http://b:8710`: the origins it names (anything else is left out). */
export function hostsFromQuery(search: string): string[] {
  const raw = new URLSearchParams(search).get('hosts');
  if (!raw) return [];
  return raw.split(',').flatMap((h) => {
    try {
      const url = new URL(h.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.origin] : [];
    } catch {
      return [];
    }
  });
}

export class HostList {
  #hosts: string[];
  #at = 0;
  #failures = 0;

  constructor(own: string, more: readonly string[] = []) {
    this.#hosts = [own];
    this.learn(more);
  }

  /** The host to talk to now. */
  get current(): string {
    return this.#hosts[this.#at] ?? '';
  }

  get all(): readonly string[] {
    return this.#hosts;
  }

  /** Adds hosts a snapshot lists (none is dropped: one gone now may be back when others fail). */
  learn(hosts: readonly string[] | undefined): void {
    for (const h of hosts ?? []) {
      const origin = h.replace(/\/$/, '');
      if (!this.#hosts.includes(origin)) this.#hosts.push(origin);
    }
  }

  /** The stream opened: this host answers. */
  answered(): void {
    this.#failures = 0;
  }

  /** The stream failed; after a second failure in a row the next host is tried. True: it moved. */
  failed(): boolean {
    if (++this.#failures < FAILURES_BEFORE_MOVING || this.#hosts.length < 2) return false;
    this.#failures = 0;
    this.#at = (this.#at + 1) % this.#hosts.length;
    return true;
  }
}
