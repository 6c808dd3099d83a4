import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../../electron/host/index.js';
import { LOCK_FILE } from '../../../../electron/host/lock.js';
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
});
