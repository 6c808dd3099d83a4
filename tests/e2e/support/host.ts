import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PAGES, ROUTES, type ClockInput, type OverrideInput } from '../../../core/protocol/index.js';

/**
 * Runs `hallway serve` for a test: a temp data dir, an ephemeral port (kept across restarts so
 * open pages can reconnect), a simulated clock. Everything the admin UI does can be done here
 * through the API.
 */
const root = resolve(import.meta.dirname, '../../..');

export interface HostStartOptions {
  /** Simulated clock start, ISO with offset. */
  clock?: string;
  /** Simulated clock rate (0 holds it still). */
  rate?: number;
  program?: string;
  /** Extra `hallway serve` arguments. */
  args?: string[];
  /** Extra environment (e.g. HALLWAY_REQUEST_LOG=1: a line per request in `output`). */
  env?: Record<string, string>;
}

export interface TestHost {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  /** Lines the host printed (stdout and stderr), for failure messages. */
  output: string[];
  stop(): Promise<void>;
  /** SIGKILL: no goodbye to its screens (a host machine dying). */
  kill(): Promise<void>;
  /** Stops (if running) and starts again on the same port and data dir. */
  restart(opts?: HostStartOptions): Promise<void>;
  /** POST an override; throws with the host's answer unless it is 2xx. */
  post(override: OverrideInput): Promise<{ id: number; revision: number }>;
  revert(id: number): Promise<void>;
  setClock(input: ClockInput): Promise<void>;
  /** Page URLs; `at` freezes the page at an instant. */
  room(id: string, at?: string): string;
  lobby(at?: string): string;
  admin(): string;
  close(): Promise<void>;
}

const ADMIN_LINE = /admin:\s*(http:\/\/[^\s/]+:(\d+))\/admin#token=([^\s]+)/;

async function spawnHost(
  dataDir: string,
  port: number,
  opts: HostStartOptions,
  output: string[],
): Promise<{ child: ChildProcess; url: string; port: number; token: string }> {
  const args = ['bin/hallway.mjs', 'serve', '--port', String(port), '--data', dataDir];
  if (opts.clock) args.push('--clock', opts.clock);
  if (opts.rate !== undefined) args.push('--rate', String(opts.rate));
  if (opts.program) args.push('--program', opts.program);
  args.push(...(opts.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`hallway serve printed no admin URL within 30 s:\n${output.join('\n')}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const m = ADMIN_LINE.exec(line);
        if (m) {
          clearTimeout(timer);
          ok({ child, url: m[1]!, port: Number(m[2]), token: decodeURIComponent(m[3]!) });
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => output.push(...c.toString().split('\n').filter(Boolean)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`hallway serve exited (${code ?? signal}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      ok();
    });
    child.kill('SIGTERM');
  });
}

export async function startHost(opts: HostStartOptions = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallway-e2e-'));
  const output: string[] = [];
  let current = await spawnHost(dataDir, 0, opts, output);
  let running = true;
  const at = (iso?: string) => (iso ? `?at=${encodeURIComponent(iso)}` : '');

  async function api(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(current.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${current.token}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path} ${JSON.stringify(body)} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  const host: TestHost = {
    get url() {
      return current.url;
    },
    get port() {
      return current.port;
    },
    get token() {
      return current.token;
    },
    dataDir,
    output,
    async stop() {
      if (!running) return;
      running = false;
      await stopChild(current.child);
    },
    async kill() {
      if (!running) return;
      running = false;
      const child = current.child;
      const gone = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGKILL');
      await gone;
    },
    async restart(next = opts) {
      await host.stop();
      current = await spawnHost(dataDir, current.port, next, output);
      running = true;
    },
    async post(override) {
      return (await api(ROUTES.overrides, override)) as { id: number; revision: number };
    },
    async revert(id) {
      await api(ROUTES.revert(id), {});
    },
    async setClock(input) {
      await api(ROUTES.clock, input);
    },
    room: (id, iso) => current.url + PAGES.room(id) + at(iso),
    lobby: (iso) => current.url + PAGES.lobby + at(iso),
    admin: () => `${current.url}${PAGES.admin}#token=${encodeURIComponent(current.token)}`,
    async close() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return host;
}

/** `host`: a fresh host per test, started with `hostOptions` (override with test.use). */
export const test = base.extend<{ hostOptions: HostStartOptions; host: TestHost }>({
  hostOptions: [{ clock: '2019-05-20T10:45:00-07:00', rate: 1 }, { option: true }],
  host: async ({ hostOptions }, use) => {
    const h = await startHost(hostOptions);
    await use(h);
    await h.close();
  },
});

export { expect } from '@playwright/test';
