#!/usr/bin/env node
// The `hallway` command. In a checkout it runs the TypeScript sources through tsx, so
// `npm run hallway -- ARGS` works straight after `npm install`; when `npm run build:electron` has
// compiled every source since it last changed, it runs that build instead (tsx compiling at
// every start costs most of a cold start). A packaged app, without sources, runs the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}electron/cli.ts`;

/**
 * True when every .ts/.cts under core/ and electron/ has its compiled file in dist/ and none is
 * newer than it: any edit, checkout or new file since the build sends us back to tsx, so a stale
 * build is never run. Costs a stat per file (a few ms).
 */
function buildIsCurrent() {
  const walk = (rel) => {
    for (const entry of readdirSync(`${root}${rel}`, { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
        continue;
      }
      const out = /\.d\.c?ts$/.test(path)
        ? null
        : path.endsWith('.cts')
          ? path.replace(/\.cts$/, '.cjs')
          : path.endsWith('.ts')
            ? path.replace(/\.ts$/, '.js')
            : null;
      if (out === null) continue;
      const compiled = statSync(`${root}dist/${out}`, { throwIfNoEntry: false });
      if (!compiled || compiled.mtimeMs < statSync(`${root}${path}`).mtimeMs) return false;
    }
    return true;
  };
  try {
    return walk('core') && walk('electron');
  } catch {
    return false;
  }
}

if (existsSync(source) && (process.env.HALLWAY_TSX === '1' || !buildIsCurrent())) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../electron/cli.ts', import.meta.url).href);
} else {
  await import(new URL('../dist/electron/cli.js', import.meta.url).href);
}
