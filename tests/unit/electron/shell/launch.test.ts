import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectron, missingElectronLine } from '../../../../electron/shell/launch.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('findElectron', () => {
  const dir = '/app/node_modules/electron';
  const fs = (files: Record<string, string>) => ({
    exists: (p: string) => p in files,
    read: (p: string) => files[p] ?? '',
  });
  it.each([
    [
      'installed',
      { [`${dir}/package.json`]: '{}', [`${dir}/path.txt`]: 'electron', [`${dir}/dist/electron`]: '' },
      {},
      { found: true, path: `${dir}/dist/electron` },
    ],
    [
      'postinstall never ran (this machine)',
      { [`${dir}/package.json`]: '{}' },
      {},
      { found: false, why: 'node_modules/electron/dist is missing' },
    ],
    [
      'path.txt but no binary',
      { [`${dir}/package.json`]: '{}', [`${dir}/path.txt`]: 'electron' },
      {},
      { found: false, why: `no ${dir}/dist/electron` },
    ],
    ['package missing', {}, {}, { found: false, why: 'the electron package is not installed (npm install)' }],
    [
      'override dist path',
      { [`${dir}/package.json`]: '{}', '/opt/el/electron': '' },
      { ELECTRON_OVERRIDE_DIST_PATH: '/opt/el' },
      { found: true, path: '/opt/el/electron' },
    ],
  ])('%s', (_name, files, env, status) => {
    const f = fs(files);
    expect(findElectron(dir, env, f.exists, f.read)).toEqual(status);
  });

  it('the message says how to get Electron, on one line', () => {
    const line = missingElectronLine('node_modules/electron/dist is missing');
    expect(line).not.toContain('\n');
    expect(line).toContain('node node_modules/electron/install.js');
    expect(line).toContain('network');
  });
});

describe('npm run demo without the Electron binary', () => {
  let dir = '';
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the one-line Electron message, then serves the screens at the URLs it prints', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hallway-demo-'));
    // The command npm runs for `npm run demo`, with `-- --port 0 --data DIR` appended.
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [node, ...script] = pkg.scripts.demo!.split(' ');
    expect(node).toBe('node');
    // Electron's own override variable pointing at an empty dir: missing wherever this runs.
    const child = spawn(process.execPath, [...script, '--port', '0', '--data', join(dir, 'data')], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    stop = () => child.kill('SIGTERM');
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const lobby = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // The admin line comes last: wait for it, then every screen line is in.
        const m = /^lobby: (http:\/\/\S+)$/m.exec(out);
        if (m && /^admin: /m.test(out)) resolve(m[1]!);
      });
      child.on('close', (code) => reject(new Error(`demo exited (${code}) before serving:\n${out}\n${err}`)));
    });

    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^Electron binary not installed \(.*\): run `node node_modules\/electron\/install\.js` with network access/,
    );
    expect(lines.filter((l) => /electron/i.test(l))).toHaveLength(1);
    expect(out).toMatch(/^admin: http:\/\/127\.0\.0\.1:\d+\/admin#token=\S+$/m);
    expect(out).toMatch(
      /^room winchester \(Winchester Room\): http:\/\/127\.0\.0\.1:\d+\/room\/winchester$/m,
    );

    const page = await fetch(lobby);
    expect(page.status).toBe(200);
    // The demo runs the simulated clock from 10:25 venue time.
    const snapshot = (await (await fetch(new URL('/api/snapshot', lobby))).json()) as {
      clock: { state: { mode: string; rate?: number } };
    };
    expect(snapshot.clock.state).toMatchObject({ mode: 'simulated', rate: 1 });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    stop = undefined;
  }, 180_000);
});
