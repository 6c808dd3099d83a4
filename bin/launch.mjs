#!/usr/bin/env node
// `npm start` and `npm run demo`: the Electron shell with its own host, or `hallway serve` where
// the Electron binary is missing (electron/shell/launch.ts says which, in one line).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../electron/shell/launch.ts', import.meta.url));
let launch;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ launch } = await import(new URL('../electron/shell/launch.ts', import.meta.url).href));
} else {
  ({ launch } = await import(new URL('../dist/electron/shell/launch.js', import.meta.url).href));
}
try {
  process.exitCode = await launch(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
