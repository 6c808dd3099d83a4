import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { JournalEntry } from '../../core/overrides/schema.js';
import {
  EVENTS,
  type HelloEvent,
  type JournalEvent,
  ROUTES,
  SCREEN_EVENT,
  type ScreenDirective,
  SSE_KEEPALIVE_MS,
} from '../../core/protocol/index.js';
import { clientAddress, refuse, refuseFor } from './api/http.js';
import { limitsApply } from './limits.js';
import type { HostState } from './state.js';

export interface StreamLimits {
  maxStreams: number;
  maxStreamsPerAddress: number;
  limitLoopback: boolean;
}

/** Per-screen directives for a stream opened with `&screen=NAME` (the screen registry). */
export interface ScreenDirectives {
  directive(screen: string): ScreenDirective;
  watch(screen: string, fn: (d: ScreenDirective) => void): () => void;
}

export interface EventStreams {
  routes: Hono;
  /** Ends every open stream (host shutdown), so the server can close. */
  closeAll(): void;
  readonly open: number;
}

/** How soon a browser reconnects after the stream drops (ms). */
const RETRY_MS = 1_000;

/** How long a client refused for the stream cap should wait (s); screens back off on their own. */
const FULL_RETRY_S = 30;

/**
 * GET /api/events: a `hello` (revision + clock), then every journal entry after the client's
 * `Last-Event-ID` (or `?since=N`: a screen resuming after its last applied revision), then each
 * new one live, each with `id: <revision>`. Without either, only entries from now on. A `since`
 * this journal cannot continue (another journal's, or past its end) gets `refetch` in the hello.
 */
export function eventStreams(
  state: HostState,
  limits: StreamLimits,
  log: (line: string) => void,
  keepaliveMs = SSE_KEEPALIVE_MS,
  directives?: ScreenDirectives,
): EventStreams {
  const routes = new Hono();
  const stops = new Set<() => void>();
  // A new entry goes to every open stream: serialize it once, not once per screen.
  let latest: { entry: JournalEntry; data: string } | null = null;
  const eventData = (entry: JournalEntry): string => {
    if (latest?.entry !== entry) {
      const payload: JournalEvent = { entry, clock: state.clockInfo() };
      latest = { entry, data: JSON.stringify(payload) };
    }
    return latest.data;
  };
  const perAddress = new Map<string, number>();
  // Counted when admitted, not when the stream starts: a burst of requests cannot slip past.
  let total = 0;
  /** Addresses (and '*' for the total) whose refusals were logged, until they drop below the cap. */
  const told = new Set<string>();

  /** A 503 past the caps (each cap's first refusal logged), else null and the stream counted. */
  const admit = (c: Parameters<typeof refuse>[0], address: string): Response | null => {
    const mine = perAddress.get(address) ?? 0;
    const [key, error] =
      mine >= limits.maxStreamsPerAddress && limitsApply(limits, address)
        ? [address, `${address} already has ${mine} event streams open, the most one address may`]
        : total >= limits.maxStreams
          ? ['*', `the host already serves ${total} event streams, the most it takes`]
          : [null, ''];
    if (key === null) {
      perAddress.set(address, mine + 1);
      total++;
      return null;
    }
    if (!told.has(key)) log(`security: ${error}; refusing more (logged once until it drops)`);
    told.add(key);
    return refuseFor(c, 503, FULL_RETRY_S, `${error}: try again later`);
  };
  const release = (address: string) => {
    total--;
    const n = (perAddress.get(address) ?? 1) - 1;
    if (n > 0) perAddress.set(address, n);
    else perAddress.delete(address);
    if (n < limits.maxStreamsPerAddress) told.delete(address);
    if (total < limits.maxStreams) told.delete('*');
  };

  routes.get(ROUTES.events, (c) => {
    const given = c.req.header('last-event-id') ?? c.req.query('since') ?? c.req.query('lastEventId');
    if (given !== undefined && given !== '' && !/^\d{1,15}$/.test(given.trim()))
      return refuse(c, 400, `Last-Event-ID / since must be a revision number (got "${given.slice(0, 40)}")`, [
        { path: 'since', message: 'must be a whole number' },
      ]);
    const last = given ? Number(given.trim()) : state.revision;
    const journal = state.journal.id;
    const theirs = c.req.query('journal');
    // Resuming needs the same journal, at or behind where it is: otherwise only a snapshot helps.
    const refetch =
      theirs !== undefined && theirs !== journal
        ? `another journal (${theirs.slice(0, 40)}, this host's is ${journal})`
        : last > state.revision
          ? `revision ${last} is past this journal's last (${state.revision})`
          : undefined;
    const screen = c.req.query('screen')?.slice(0, 200);
    const address = clientAddress(c);
    const full = admit(c, address);
    if (full) return full;

    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      // A directive has no revision: journal entries all do.
      const queue: (JournalEntry | { directive: ScreenDirective })[] = [];
      let wake: (() => void) | null = null;
      let stopped = false;
      const stop = () => {
        stopped = true;
        wake?.();
      };
      // Subscribing and reading the backlog in one synchronous step leaves no gap and no repeat.
      const unsubscribe = state.journal.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      // Entries of this journal mean nothing on top of another's: the snapshot replaces them.
      if (!refetch) queue.push(...state.journal.since(last));
      // The screen's own directive first, then each change staff make to it.
      const unwatch =
        screen && directives
          ? (queue.unshift({ directive: directives.directive(screen) }),
            directives.watch(screen, (d) => {
              queue.push({ directive: d });
              wake?.();
            }))
          : () => {};
      const hello: HelloEvent = {
        revision: state.revision,
        clock: state.clockInfo(),
        journal,
        ...(refetch ? { refetch } : {}),
      };

      stops.add(stop);
      stream.onAbort(stop);
      c.req.raw.signal.addEventListener('abort', stop);
      const keepalive = setInterval(() => {
        stream.write(': keepalive\n\n').catch(stop);
      }, keepaliveMs);
      try {
        await stream.writeSSE({ event: EVENTS.hello, data: JSON.stringify(hello), retry: RETRY_MS });
        while (!stopped && !stream.closed) {
          const entry = queue.shift();
          if (!entry) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          if (!('revision' in entry)) {
            await stream.writeSSE({ event: SCREEN_EVENT, data: JSON.stringify(entry.directive) });
            continue;
          }
          await stream.writeSSE({
            event: EVENTS.journal,
            id: String(entry.revision),
            data: eventData(entry),
          });
        }
      } catch {
        // The client went away mid-write: nothing to tell it.
      } finally {
        clearInterval(keepalive);
        unsubscribe();
        unwatch();
        stops.delete(stop);
        release(address);
      }
    });
  });

  return {
    routes,
    closeAll() {
      for (const stop of [...stops]) stop();
    },
    get open() {
      return stops.size;
    },
  };
}
