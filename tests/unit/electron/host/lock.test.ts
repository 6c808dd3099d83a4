import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../../electron/host/index.js';
import { LOCK_FILE, LOCK_STALE_MS, processIdentity } from '../../../../electron/host/lock.js';
import { FIXTURE_PROGRAM, tempDir } from './helpers.js';

const hostIn = (dataDir: string, lines: string[] = []) =>
  startHost({
    programPath: FIXTURE_PROGRAM,
    dataDir,
    port: 0,
    rendererDir: join(dataDir, 'none'),
    log: (l) => lines.push(l),
  });

describe('one host per data dir', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
  });

  it('refuses a second host on the same data dir, naming the one that holds it', async () => {
    const dir = tempDir('hallway-lock-');
    open.push(await hostIn(dir));
    await expect(hostIn(dir)).rejects.toThrow(
      new RegExp(
        `another Hallway host \\(pid ${process.pid}\\) is using the data dir .*: stop it, or give this one its own --data DIR`,
      ),
    );
  });

  it('lets the next host in once the first has closed, and leaves no lock behind', async () => {
    const dir = tempDir('hallway-lock-');
    const first = await hostIn(dir);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    open.push(await hostIn(dir));
  });

  it('takes over a lock left by a host that was killed', async () => {
    const dir = tempDir('hallway-lock-');
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone) }));
    const lines: string[] = [];
    open.push(await hostIn(dir, lines));
    expect(lines.join('\n')).toContain(`left by a host that is gone (pid ${gone})`);
  });

  // After a power cut the lock names a pid the new boot gave to something else (issue 11, bug 7).
  describe('a stale lock whose pid now belongs to another process', () => {
    const sleepers: ReturnType<typeof spawn>[] = [];
    afterEach(() => {
      for (const p of sleepers.splice(0)) p.kill('SIGKILL');
    });
    const sleeper = () => {
      const p = spawn('sleep', ['30'], { stdio: 'ignore' });
      sleepers.push(p);
      return p.pid!;
    };
    const minuteAgo = new Date(Date.now() - LOCK_STALE_MS - 60_000);

    it.each<[string, (pid: number) => object, boolean]>([
      [
        'from another boot (Linux: boot id and start time recorded)',
        (pid) => ({ pid, boot: 'a-boot-before-the-power-cut', start: '12345' }),
        false,
      ],
      [
        'same boot, another start time',
        (pid) => ({ pid, boot: processIdentity(pid)?.boot ?? 'b', start: '1' }),
        false,
      ],
      ['no start time recorded, not touched for a minute', (pid) => ({ pid }), true],
    ])('%s: taken over', async (_, lock, old) => {
      const dir = tempDir('hallway-lock-');
      const pid = sleeper();
      const path = join(dir, LOCK_FILE);
      writeFileSync(path, JSON.stringify(lock(pid)));
      if (old) utimesSync(path, minuteAgo, minuteAgo);
      const lines: string[] = [];
      open.push(await hostIn(dir, lines));
      expect(lines.join('\n')).toContain(`left by a host that is gone (pid ${pid})`);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    });

    it('a lock without a start time but touched just now is a live host: refused (macOS, Windows)', async () => {
      const dir = tempDir('hallway-lock-');
      const pid = sleeper();
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid }));
      await expect(hostIn(dir)).rejects.toThrow(`another Hallway host (pid ${pid}) is using the data dir`);
    });

    it('a live host recorded with its real start time is refused', async () => {
      const dir = tempDir('hallway-lock-');
      const pid = sleeper();
      const id = processIdentity(pid);
      if (!id) return; // no /proc here: the freshness case above covers it
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, ...id }));
      utimesSync(join(dir, LOCK_FILE), minuteAgo, minuteAgo);
      await expect(hostIn(dir)).rejects.toThrow(`another Hallway host (pid ${pid}) is using the data dir`);
    });
  });

  it('one lock per data dir, however the path is written: a symlink to it is the same dir', async () => {
    const dir = tempDir('hallway-lock-');
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    open.push(await hostIn(dir));
    await expect(hostIn(link)).rejects.toThrow(/another Hallway host .* is using the data dir/);
    await expect(hostIn(`${dir}/.`)).rejects.toThrow(/another Hallway host .* is using the data dir/);
  });
});
