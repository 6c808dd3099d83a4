import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { main } from '../../../../electron/cli.js';
import { tempDir } from '../host/helpers.js';

export const ROOT = resolve(import.meta.dirname, '../../../..');

/** Runs the CLI in this process, capturing what it prints. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ADMIN_LINE = /admin: (http:\/\/[^\s/]+:\d+)\/admin#token=(\S+)/;

/** `node bin/hallway.mjs serve ...` as a child; resolves once it printed its admin URL. */
export function spawnServe(
  args: string[],
): Promise<{ child: ChildProcess; url: string; token: string; output: string[] }> {
  const child = spawn(process.execPath, ['bin/hallway.mjs', 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, HALLWAY_SKIP_RENDERER_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`serve printed no admin URL:\n${output.join('')}`)),
      30_000,
    );
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      const m = ADMIN_LINE.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1]!, token: m[2]!, output });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`serve exited (${code ?? signal}) before it was ready:\n${output.join('')}`));
    });
  });
}

/** A temp dir removed when the current test finishes. */
export function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
