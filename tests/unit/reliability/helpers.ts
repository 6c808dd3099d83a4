import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type HostOptions, type RunningHost, startHost } from '../../../electron/host/index.js';

/** The checkout's root, the embedded program and the shared schedule fixtures. */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const OPML = join(ROOT, 'data', 'opml19.json');
export const SCHEDULES = resolve(ROOT, '..', 'shared', 'fixtures', 'schedules');
export const HALLWAY = join(ROOT, 'bin', 'hallway.mjs');

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

export interface InProcessHost {
  host: RunningHost;
  dataDir: string;
  lines: string[];
  close(): Promise<void>;
}

/** The real host in this process: OpML '19, its own data dir, an ephemeral port, a held clock. */
export async function inProcessHost(extra: Partial<HostOptions> = {}): Promise<InProcessHost> {
  const dataDir = extra.dataDir ?? tempDir('hallway-rel-');
  const lines: string[] = [];
  const host = await startHost({
    programPath: OPML,
    dataDir,
    port: 0,
    clock: '2019-05-20T10:40:00-07:00',
    rate: 0,
    rendererDir: join(dataDir, 'no-renderer'),
    log: (l) => lines.push(l),
    ...extra,
  });
  return {
    host,
    dataDir,
    lines,
    async close() {
      await host.close();
      if (!extra.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request with exactly these bytes, method and headers (fetch would refuse some methods,
 * re-encode bodies and add a content type). Never rejects on a status; rejects only when the
 * connection fails, which for an in-process host means it died.
 */
export function raw(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  // Node frames a DELETE/OPTIONS body only when told its length; without it the bytes would
  // reach the server as a second, garbled request.
  const framed =
    body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers: framed, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** JSON request with a bearer token (null: none). */
export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await raw(base + path, method, headers, body === undefined ? undefined : JSON.stringify(body));
  let json: unknown = null;
  try {
    json = JSON.parse(res.text);
  } catch {
    // not JSON: callers look at `text`
  }
  return { status: res.status, json, text: res.text };
}

/** What the journal is: revision plus every entry, as one comparable string. */
export async function journalPrint(base: string): Promise<string> {
  const res = await raw(`${base}/api/snapshot`, 'GET');
  if (res.status !== 200)
    throw new Error(`GET /api/snapshot answered ${res.status}: ${res.text.slice(0, 300)}`);
  const snap = JSON.parse(res.text) as { revision: number; overrides: unknown[] };
  return `${snap.revision}:${JSON.stringify(snap.overrides)}`;
}

/** Whether a 4xx body is the protocol's `{error, problems}` and says something. */
export function namesProblem(text: string): {
  ok: boolean;
  error: string;
  problems: { path: string; message: string }[];
} {
  try {
    const body = JSON.parse(text) as { error?: unknown; problems?: unknown };
    const problems = Array.isArray(body.problems)
      ? (body.problems as { path: string; message: string }[])
      : [];
    const ok =
      typeof body.error === 'string' &&
      body.error.trim().length > 0 &&
      Array.isArray(body.problems) &&
      problems.every((p) => typeof p?.path === 'string' && typeof p?.message === 'string');
    return { ok, error: typeof body.error === 'string' ? body.error : '', problems };
  } catch {
    return { ok: false, error: '', problems: [] };
  }
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ADMIN_LINE = /admin:\s*(https?:\/\/[^\s/]+:(\d+))\/admin#token=(\S+)/;

/**
 * `hallway serve ARGS` as a child process; resolves once it printed the admin URL, rejects with
 * its output when it exits first (use `runHallway` for commands expected to fail).
 */
export function serve(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [HALLWAY, 'serve', ...args], {
    cwd: ROOT,
    // The API is what these tests use: never a vite build from inside a test.
    env: { ...process.env, HALLWAY_SKIP_RENDERER_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  return new Promise((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`hallway serve printed no admin URL within ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const m = ADMIN_LINE.exec(line);
        if (m) {
          clearTimeout(timer);
          ok({ child, url: m[1]!, port: Number(m[2]), token: decodeURIComponent(m[3]!), output, exited });
        }
      }
    });
    child.stderr!.on('data', (c: Buffer) => output.push(...c.toString().split('\n').filter(Boolean)));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`hallway serve exited (${code ?? signal}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

/** Stops a served host: SIGTERM, then SIGKILL after 5 s. */
export async function stopServe(p: ServeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const kill = setTimeout(() => p.child.kill('SIGKILL'), 5_000);
  p.child.kill(signal);
  await p.exited;
  clearTimeout(kill);
}

/** `hallway ARGS` to completion: exit code and everything it printed. */
export function runHallway(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [HALLWAY, ...args], {
      cwd: ROOT,
      env: { ...process.env, HALLWAY_SKIP_RENDERER_BUILD: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
  });
}
