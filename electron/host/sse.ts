import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import type { JournalEntry } from '../../core/overrides/schema.js';
import {
  EVENTS,
  type HelloEvent,
  type JournalEvent,
  PROTOCOL_VERSION,
  ROUTES,
  SCREEN_EVENT,
  type ScreenDirective,
  SSE_KEEPALIVE_MS,
} from '../../core/protocol/index.js';
import { clientAddress, refuse, refuseFor } from './api/http.js';
import { limitsApply, monotonicMs } from './limits.js';
import { HIGH_WATER, nodeSink, type Sink, webSink } from './sse-sink.js';
import type { HostState } from './state.js';
import { SECURITY_HEADERS } from './static.js';

export interface StreamLimits {
  maxStreams: number;
  maxStreamsPerAddress: number;
  limitLoopback: boolean;
  streamStallMs: number;
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

const STREAM_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

const KEEPALIVE = ': keepalive\n\n';

/** One open stream: what it was sent up to, and whether its buffer is full (since when). */
interface Client {
  sink: Sink;
  address: string;
  revision: number;
  fullSince: number | null;
  /** A directive for its screen not sent yet (its buffer was full): sent when it drains. */
  directive?: ScreenDirective;
}

/** One SSE message; `more` is further field lines (`id: 3\n`). JSON data has no newline in it. */
const frame = (event: string, data: string, more = ''): string => `event: ${event}\ndata: ${data}\n${more}\n`;

/**
 * GET /api/events: a `hello` (revision + clock), then every journal entry after the client's
 * `Last-Event-ID` (or `?since=N`: a screen resuming after its last applied revision), then each
 * new one live, each with `id: <revision>`. Without either, only entries from now on. A `since`
 * this journal cannot continue (another journal's, or past its end) gets `refetch` in the hello.
 *
 * Each new entry is made into one frame string once and written to every stream in the same
 * turn. A stream whose buffer is full is sent nothing more until it drains, and then what it
 * missed is read from the journal: a slow screen costs one buffer, not a queue that grows.
 */
export function eventStreams(
  state: HostState,
  limits: StreamLimits,
  log: (line: string) => void,
  keepaliveMs = SSE_KEEPALIVE_MS,
  directives?: ScreenDirectives,
): EventStreams {
  const routes = new Hono();
  const clients = new Set<Client>();
  const perAddress = new Map<string, number>();
  // Counted when admitted, not when the stream starts: a burst of requests cannot slip past.
  let total = 0;
  /** Addresses (and '*' for the total) whose refusals were logged, until they drop below the cap. */
  const told = new Set<string>();

  const journalFrame = (entry: JournalEntry): string => {
    const payload: JournalEvent = { entry, clock: state.clockInfo() };
    return frame(EVENTS.journal, JSON.stringify(payload), `id: ${entry.revision}\n`);
  };

  /** Writes `text`, noting a full buffer; false when the client takes nothing more for now. */
  const send = (c: Client, text: string | Uint8Array): boolean => {
    if (c.sink.write(text)) return true;
    c.fullSince = monotonicMs();
    return false;
  };

  /** Sends `c` what the journal holds past its revision, a buffer's worth at a time. */
  const catchUp = (c: Client): void => {
    let text = '';
    for (const entry of state.journal.since(c.revision)) {
      text += journalFrame(entry);
      c.revision = entry.revision;
      if (text.length >= HIGH_WATER) {
        if (!send(c, text)) return;
        text = '';
      }
    }
    if (text) send(c, text);
  };

  // Entries appended in one turn go out together after it (the append's caller has finished:
  // a program version is primed, a clock change kept), each serialized once for every stream.
  let pending: JournalEntry[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const first = batch[0];
    if (!first) return;
    // Encoded once: each write hands the socket the same bytes.
    const bytes = Buffer.from(batch.map(journalFrame).join(''));
    const last = batch.at(-1)!.revision;
    for (const c of clients) {
      if (c.fullSince !== null) continue; // it catches up from the journal when it drains
      if (c.revision === first.revision - 1) {
        c.revision = last;
        send(c, bytes);
      } else catchUp(c); // opened during the turn: it has some of the batch already
    }
  };
  state.journal.subscribe((entry) => {
    if (pending.push(entry) === 1) queueMicrotask(flush);
  });

  // One timer for every stream. A stream full for longer than the stall limit takes nothing:
  // close it (the screen, if alive, reconnects with `since` and loses nothing).
  let keepalive: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    const now = monotonicMs();
    for (const c of clients) {
      if (c.fullSince === null) send(c, KEEPALIVE);
      else if (now - c.fullSince >= limits.streamStallMs) {
        log(
          `stream: closed an event stream of ${c.address}: it took nothing for ${Math.round((now - c.fullSince) / 1000)} s ` +
            `(its buffer full at revision ${c.revision}); a screen that is alive reconnects and resumes`,
        );
        c.sink.end();
      }
    }
  };

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

  /** Sends a screen's directive now, or when its buffer drains (only the latest counts). */
  const direct = (c: Client, d: ScreenDirective): void => {
    if (c.fullSince !== null) {
      c.directive = d;
      return;
    }
    delete c.directive;
    send(c, frame(SCREEN_EVENT, JSON.stringify(d)));
  };

  /** Starts a stream on `sink`: hello and the backlog at once, then live entries. */
  const start = (sink: Sink, address: string, last: number, hello: HelloEvent, screen?: string): void => {
    // Entries of this journal mean nothing on top of another's: the snapshot replaces them.
    const client: Client = {
      sink,
      address,
      revision: hello.refetch ? state.revision : last,
      fullSince: null,
    };
    let closed = false;
    // The screen's own directive after the hello, then each change staff make to it.
    const unwatch = screen && directives ? directives.watch(screen, (d) => direct(client, d)) : () => {};
    sink.onClose(() => {
      if (closed) return;
      closed = true;
      unwatch();
      clients.delete(client);
      release(address);
      if (clients.size === 0 && keepalive) {
        clearInterval(keepalive);
        keepalive = null;
      }
    });
    sink.onDrain(() => {
      if (client.fullSince === null || closed) return;
      client.fullSince = null;
      catchUp(client);
      if (client.directive) direct(client, client.directive);
    });
    clients.add(client);
    keepalive ??= setInterval(tick, keepaliveMs);
    if (send(client, frame(EVENTS.hello, JSON.stringify(hello), `retry: ${RETRY_MS}\n`))) catchUp(client);
    if (screen && directives) direct(client, directives.directive(screen));
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
    const screen = c.req.query('screen')?.slice(0, 200) || undefined;
    const address = clientAddress(c);
    const full = admit(c, address);
    if (full) return full;
    const hello: HelloEvent = {
      protocol: PROTOCOL_VERSION,
      revision: state.revision,
      clock: state.clockInfo(),
      journal,
      ...(refetch ? { refetch } : {}),
    };
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing) {
      start(nodeSink(outgoing, STREAM_HEADERS), address, last, hello, screen);
      return RESPONSE_ALREADY_SENT;
    }
    const { sink, body } = webSink();
    start(sink, address, last, hello, screen);
    return new Response(body, { headers: STREAM_HEADERS });
  });

  return {
    routes,
    closeAll() {
      for (const c of [...clients]) c.sink.end();
    },
    get open() {
      return clients.size;
    },
  };
}
