#!/usr/bin/env node
// `npm test`: every gate in order, stopping at the first red one. Each step says what it runs.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  // Venue time must not depend on the machine's zone: the core suite again in two other zones.
  ['unit tests, TZ=UTC', 'npx', ['vitest', 'run', 'tests/unit/core'], { TZ: 'UTC' }],
  ['unit tests, TZ=Asia/Tokyo', 'npx', ['vitest', 'run', 'tests/unit/core'], { TZ: 'Asia/Tokyo' }],
  // The screens are served from the built renderer; build it fresh so e2e tests what the code says.
  ['renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['end-to-end (Debian Chromium)', 'npx', ['playwright', 'test', '-c', 'playwright.config.ts']],
  [
    'electron shell (skips with its reason where the binary is missing)',
    'npx',
    ['playwright', 'test', '-c', 'playwright.electron.config.ts'],
  ],
  [
    'security gate (Electronegativity SARIF: no high or medium finding)',
    'npm',
    ['run', '--silent', 'security'],
  ],
];

const only = process.argv.slice(2);
for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(
    `\n▶ ${name}: ${cmd} ${args.join(' ')}${
      env
        ? ` (${Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')})`
        : ''
    }`,
  );
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}
console.log('\n✔ all test steps passed');
