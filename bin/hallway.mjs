#!/usr/bin/env node
// The `hallway` command. In a checkout it runs the TypeScript sources through tsx, so
// `npm run hallway -- ARGS` works straight after `npm install`; a packaged app runs the build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../electron/cli.ts', import.meta.url));
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../electron/cli.ts', import.meta.url).href);
} else {
  await import(new URL('../dist/electron/cli.js', import.meta.url).href);
}
