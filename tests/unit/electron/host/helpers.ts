import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostOptions, type RunningHost, startHost } from '../../../../electron/host/index.js';

export const FIXTURE_PROGRAM = join(import.meta.dirname, 'fixtures', 'program.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
export type Json = any;

export interface TestHost {
  host: RunningHost;
  dataDir: string;
  lines: string[];
  /** JSON request with the admin token unless `token` says otherwise (null: none). */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; json: Json }>;
  restart(extra?: Partial<HostOptions>): Promise<void>;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A host on an ephemeral port with its own data dir, the clock held at `clock`. */
export async function testHost(extra: Partial<HostOptions> = {}): Promise<TestHost> {
  const dataDir = extra.dataDir ?? tempDir('hallway-host-');
  const lines: string[] = [];
  const opts: HostOptions = {
    programPath: FIXTURE_PROGRAM,
    dataDir,
    port: 0,
    clock: '2019-05-20T10:40:00-07:00',
    rate: 0,
    rendererDir: join(dataDir, 'no-renderer'),
    log: (l) => lines.push(l),
    ...extra,
  };
  let host = await startHost(opts);
  const t: TestHost = {
    get host() {
      return host;
    },
    dataDir,
    lines,
    async api(method, path, body, token) {
      const headers: Record<string, string> = {};
      const tok = token === undefined ? host.token : token;
      if (tok !== null) headers.authorization = `Bearer ${tok}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(host.url + path, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, json };
    },
    async restart(more = {}) {
      await host.close();
      host = await startHost({ ...opts, ...more, port: 0 });
    },
    async close() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** A minimal EventSource on fetch: collects events and comments until closed. */
export function openEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let waiters: (() => void)[] = [];
  const notify = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };
  let status = 0;
  const done = (async () => {
    const res = await fetch(url, { headers, signal: controller.signal });
    status = res.status;
    notify();
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const ev: SseEvent = { event: 'message', data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) ev.event = line.slice(6).trim();
            else if (line.startsWith('id:')) ev.id = line.slice(3).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length) {
            ev.data = data.join('\n');
            events.push(ev);
          }
          notify();
        }
      }
    } catch {
      // aborted
    }
    notify();
  })().catch(() => notify());

  return {
    events,
    comments,
    get status() {
      return status;
    },
    /** Resolves once `pred` holds (checked at every event or comment). */
    async until(pred: () => boolean, what = 'condition'): Promise<void> {
      const deadline = Date.now() + 20_000;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`SSE: timed out waiting for ${what}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
    close() {
      controller.abort();
      return done;
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Over HTTPS: the served certificate's SHA-256 fingerprint. */
  fingerprint?: string;
}

/**
 * One request on its own socket, from `localAddress` if given (any of 127.0.0.0/8 is this machine
 * on Linux, so 127.0.0.2 is "another client address"), over HTTPS without checking the
 * certificate (the caller compares `fingerprint` with the one the host printed).
 */
export function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<Answer> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = {
    ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
    ...opts.headers,
  };
  return new Promise((ok, fail) => {
    const req = request(
      u,
      {
        method: opts.method ?? 'GET',
        headers,
        agent: false,
        rejectUnauthorized: false,
        timeout: 10_000,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      },
      (res) => {
        const socket = res.socket as TLSSocket;
        const fingerprint =
          typeof socket.getPeerCertificate === 'function'
            ? socket.getPeerCertificate().fingerprint256
            : undefined;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            ...(fingerprint ? { fingerprint } : {}),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 10 s`)));
    req.on('error', fail);
    req.end(opts.body);
  });
}

export const httpsGet = (url: string): Promise<Answer> => send(url);
