import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hasElectron, NO_ELECTRON, root } from './shell.js';

/** Builds the screens and the shell the tests launch (only where there is an Electron to launch). */
export default function globalSetup(): void {
  if (!hasElectron) {
    console.log(`${NO_ELECTRON}: every test in tests/electron is skipped.`);
    return;
  }
  if (!existsSync(join(root, 'dist', 'renderer', 'lobby.html')))
    run('vite', ['build', '--logLevel', 'error']);
  run('tsc', ['-p', 'tsconfig.electron.json']);
}

function run(tool: 'vite' | 'tsc', args: string[]): void {
  const bin = tool === 'vite' ? 'node_modules/vite/bin/vite.js' : 'node_modules/typescript/bin/tsc';
  const r = spawnSync(process.execPath, [join(root, bin), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit ${r.status})`);
}
