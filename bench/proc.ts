import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  proc: ChildProcess;
  /** Every line it printed so far (stdout and stderr), for error messages. */
  output: string[];
  stop(): Promise<void>;
}

const running = new Set<Child>();

/** Stops every child still running (a part that timed out may have left its host behind). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** Spawns a process and waits until its output matches `ready` (or it exits, or times out). */
export function spawnUntil(
  cmd: string,
  args: readonly string[],
  ready: (output: string[]) => boolean,
  opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Child> {
  const proc = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const kill = setTimeout(() => proc.kill('SIGKILL'), 3_000);
      proc.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `${args.join(' ')} printed no ready line within ${opts.timeoutMs ?? 20_000} ms: ${tail(output)}`,
        ),
      );
    }, opts.timeoutMs ?? 20_000);
    let buf = '';
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      output.push(...lines);
      if (ready(output)) {
        clearTimeout(timer);
        const child: Child = { proc, output, stop };
        running.add(child);
        proc.once('exit', () => running.delete(child));
        resolve(child);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${signal ?? code}) before it was ready: ${tail(output)}`));
    });
  });
}

function tail(lines: string[]): string {
  return lines.slice(-5).join(' / ') || '(no output)';
}
