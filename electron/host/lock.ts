import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'host.lock';

/** Data dirs a host of this process holds: a pid check alone cannot tell two of ours apart. */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One host per data dir: two would each append from their own copy of the journal and overwrite
 * the other's acknowledged overrides. A lock left by a host that was killed is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string, log: (line: string) => void): () => void {
  const path = join(dataDir, LOCK_FILE);
  mkdirSync(dataDir, { recursive: true });
  const mine = JSON.stringify({ pid: process.pid });
  const busy = (pid: number) =>
    new Error(
      `another Hallway host (pid ${pid}) is using the data dir ${dataDir}: stop it, or give this one its own --data DIR`,
    );
  if (heldHere.has(dataDir)) throw busy(process.pid);
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let pid = NaN;
    try {
      pid = Number((JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid);
    } catch {
      // unreadable: left half-written by a host that died, so stale
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw busy(pid);
    log(
      `data dir: took over ${path}, left by a host that is gone${Number.isInteger(pid) ? ` (pid ${pid})` : ''}`,
    );
    writeFileSync(path, mine);
  }
  heldHere.add(dataDir);
  return () => {
    heldHere.delete(dataDir);
    try {
      if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}
