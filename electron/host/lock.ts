import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'host.lock';
/** A live host touches its lock this often, so a lock not touched for STALE_MS is a dead host's. */
export const LOCK_TOUCH_MS = 5_000;
export const LOCK_STALE_MS = 20_000;

/** What a lock file says: the holder's pid and, where the OS tells, which process that pid was. */
interface LockInfo {
  pid: number;
  /** Linux: boot id and process start time (clock ticks since boot), so a reused pid is told apart. */
  boot?: string;
  start?: string;
}

/** Data dirs (canonical paths) a host of this process holds: a pid check cannot tell two of ours apart. */
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

/** Which process `pid` is on Linux (boot id + start time from /proc), or null where /proc is not. */
export function processIdentity(pid: number): { boot: string; start: string } | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return boot && start ? { boot, start } : null;
  } catch {
    return null;
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    const pid = Number(v.pid);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return {
      pid,
      ...(typeof v.boot === 'string' ? { boot: v.boot } : {}),
      ...(typeof v.start === 'string' ? { start: v.start } : {}),
    };
  } catch {
    return null; // unreadable: left half-written by a host that died
  }
}

/**
 * Whether the lock at `path` belongs to a live host. After a power cut the new boot may have given
 * the lock's pid to another process: on Linux the pid's start time (and the boot id) must match
 * what the host wrote; elsewhere the lock must also be fresh (a live host touches it every 5 s).
 */
function heldBy(path: string, info: LockInfo | null, now: number): boolean {
  if (!info || info.pid === process.pid || !alive(info.pid)) return false;
  const id = info.start && info.boot ? processIdentity(info.pid) : null;
  if (id) return id.boot === info.boot && id.start === info.start;
  try {
    return now - statSync(path).mtimeMs < LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * One host per data dir: two would each append from their own copy of the journal and overwrite
 * the other's acknowledged overrides. A lock left by a host that is gone (killed, or a power cut
 * whose reboot reused its pid) is taken over atomically. Returns the release function.
 */
export function lockDataDir(dataDir: string, log: (line: string) => void): () => void {
  mkdirSync(dataDir, { recursive: true });
  // One canonical path per data dir: "data", "./data" and a symlink to it are the same lock.
  const dir = realpathSync(dataDir);
  const path = join(dir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, ...processIdentity(process.pid) });
  const busy = (pid: number | null) =>
    new Error(
      `another Hallway host${pid ? ` (pid ${pid})` : ''} is using the data dir ${dataDir}: stop it, or give this one its own --data DIR`,
    );
  if (heldHere.has(dir)) throw busy(process.pid);
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    takeOver(dir, path, mine, busy, log);
  }
  heldHere.add(dir);
  const touch = setInterval(() => {
    try {
      const t = new Date();
      utimesSync(path, t, t);
    } catch {
      // gone (a data dir removed under us): nothing to keep fresh
    }
  }, LOCK_TOUCH_MS);
  touch.unref();
  return () => {
    clearInterval(touch);
    heldHere.delete(dir);
    try {
      if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}

/**
 * Replaces a dead host's lock with ours. Two hosts starting at once over the same stale lock must
 * not both win: the takeover itself is claimed with an exclusive create (a claim older than
 * STALE_MS is a crashed taker's), the lock is checked again under it, and ours is written to a
 * temp file renamed over the old one, so the lock is never missing nor half-written.
 */
function takeOver(
  dir: string,
  path: string,
  mine: string,
  busy: (pid: number | null) => Error,
  log: (line: string) => void,
): void {
  const claim = `${path}.takeover`;
  try {
    writeFileSync(claim, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let age = Infinity;
    try {
      age = Date.now() - statSync(claim).mtimeMs;
    } catch {
      // the other taker is done
    }
    const other = readLock(path);
    if (age < LOCK_STALE_MS) throw busy(other?.pid ?? null);
    rmSync(claim, { force: true });
    return takeOver(dir, path, mine, busy, log);
  }
  try {
    const info = readLock(path);
    if (heldBy(path, info, Date.now())) throw busy(info!.pid);
    const temp = join(dir, `${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temp, mine, { flag: 'wx' });
    renameSync(temp, path);
    log(`data dir: took over ${path}, left by a host that is gone${info ? ` (pid ${info.pid})` : ''}`);
  } finally {
    rmSync(claim, { force: true });
  }
}
