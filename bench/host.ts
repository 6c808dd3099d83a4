import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BEARER, ROUTES } from '../core/protocol/index.js';
import { spawnUntil, type Child } from './proc.js';

/** The instant the bench holds the OpML '19 clock at: the morning sessions are on in three rooms. */
export const OPML_CLOCK = '2019-05-20T10:35:00-07:00';

export interface HallwayHost {
  url: string;
  token: string;
  /** Room page URLs in program order, as `hallway serve` printed them. */
  rooms: string[];
  lobby: string;
  child: Child;
  dataDir: string;
  /** Wall clock just before the spawn, and when it had printed its URLs: cold-start figures. */
  spawnedAt: number;
  readyAt: number;
  post(route: string, body: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  program?: string;
  clock?: string;
  rate?: number;
  timeoutMs?: number;
  /** A data dir to serve (kept on stop; the caller owns it); default: a fresh one, removed on stop. */
  dataDir?: string;
  /** Fixed port (a restart that open pages reconnect to); default: any free one. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** More `hallway serve` arguments (`--follow URL`). */
  args?: string[];
}

/** `hallway serve` as a user runs it, on an ephemeral port and a fresh data dir. */
export async function startHallway(root: string, opts: ServeOptions = {}): Promise<HallwayHost> {
  const owned = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-'));
  const drop = () => owned && rmSync(dataDir, { recursive: true, force: true });
  const args = [
    path.join(root, 'bin', 'hallway.mjs'),
    'serve',
    '--port',
    String(opts.port ?? 0),
    '--data',
    dataDir,
    '--clock',
    opts.clock ?? OPML_CLOCK,
    '--rate',
    String(opts.rate ?? 0),
    ...(opts.program ? ['--program', opts.program] : []),
    ...(opts.args ?? []),
  ];
  const spawnedAt = Date.now();
  let child: Child;
  try {
    child = await spawnUntil(process.execPath, args, (out) => out.some((l) => /#token=\S+/.test(l)), {
      cwd: root,
      timeoutMs: opts.timeoutMs ?? 30_000,
      ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    });
  } catch (e) {
    drop();
    throw e;
  }
  const urls = child.output.flatMap((l) => l.match(/https?:\/\/\S+/g) ?? []);
  const admin = urls.find((u) => u.includes('#token='));
  const rooms = urls.filter((u) => /\/room\/[^/\s]+$/.test(u));
  const lobby = urls.find((u) => /\/lobby$/.test(u));
  if (!admin || rooms.length === 0 || !lobby) {
    await child.stop();
    drop();
    throw new Error(
      `hallway serve printed no admin, room and lobby URLs: ${child.output.slice(0, 8).join(' / ')}`,
    );
  }
  const readyAt = Date.now();
  const url = new URL(admin).origin;
  const token = admin.slice(admin.indexOf('#token=') + '#token='.length);
  return {
    url,
    token,
    rooms: [...new Set(rooms)],
    lobby,
    child,
    dataDir,
    spawnedAt,
    readyAt,
    post: (route, body) =>
      fetch(url + route, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: BEARER + token },
        body: JSON.stringify(body),
      }),
    async stop() {
      await child.stop();
      drop();
    },
  };
}

/** POSTs and checks the answer; the error says what the host answered. */
export async function postOk<T>(host: HallwayHost, route: string, body: unknown): Promise<T> {
  const res = await host.post(route, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${route} answered ${res.status}: ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** How many screens have reported in (heartbeat), by the admin's screen list. */
export async function screenCount(host: HallwayHost): Promise<number> {
  const res = await fetch(host.url + ROUTES.screens, { headers: { authorization: BEARER + host.token } });
  if (!res.ok) throw new Error(`GET ${ROUTES.screens} answered ${res.status}`);
  const list = (await res.json()) as unknown;
  return Array.isArray(list) ? list.length : 0;
}
