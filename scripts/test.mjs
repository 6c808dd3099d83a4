#!/usr/bin/env node
// `npm test`: every gate in order, stopping at the first red one. Each step says what it runs,
// and the run ends with one line counting every test the runners ran.
import { spawn } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  // Real 3-node NATS JetStream clusters and kill -9 rounds: alone, so their deadlines hold.
  ['cluster tests (nats-server)', 'npx', ['vitest', 'run', '-c', 'vitest.cluster.config.ts']],
  // Venue time must not depend on the machine's zone: the core suite again in two other zones.
  ['unit tests, TZ=UTC', 'npx', ['vitest', 'run', 'tests/unit/core'], { TZ: 'UTC' }],
  ['unit tests, TZ=Asia/Tokyo', 'npx', ['vitest', 'run', 'tests/unit/core'], { TZ: 'Asia/Tokyo' }],
  // The screens are served from the built renderer; build it fresh so e2e tests what the code says.
  ['renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['end-to-end (Debian Chromium)', 'npx', ['playwright', 'test', '-c', 'playwright.config.ts']],
  // Never skipped: an engine that is not installed fails here, naming the apt-get line for it.
  [
    'cross-engine (Firefox ESR, WebKitGTK; the bundles at build.target)',
    'npx',
    ['vitest', 'run', '-c', 'vitest.cross-engine.config.ts'],
  ],
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

const total = { passed: 0, failed: 0, skipped: 0 };

/** Adds what a runner's summary says: vitest's "Tests  12 passed | 1 skipped (13)", Playwright's "12 passed (3.1s)". */
function count(output) {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const vitest = /^\s*Tests\s+(.+)$/m.exec(text);
  const lines = vitest
    ? [vitest[1]]
    : text.split('\n').filter((l) => /^\s+\d+ (passed|failed|skipped|flaky)\b/.test(l));
  for (const line of lines)
    for (const [, n, what] of line.matchAll(/(\d+) (passed|failed|skipped)/g)) total[what] += Number(n);
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['inherit', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on('close', (code, signal) => resolve({ code: code ?? signal, out }));
  });
}

const only = process.argv.slice(2);
for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const vars = env
    ? ` (${Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`
    : '';
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}${vars}`);
  const { code, out } = await run(cmd, args, env);
  count(out);
  if (code !== 0) {
    console.error(`\n✖ ${name} failed (exit ${code}).`);
    console.log(`${total.passed} passed, ${Math.max(total.failed, 1)} failed, ${total.skipped} skipped`);
    process.exit(typeof code === 'number' ? code : 1);
  }
}
console.log('\n✔ all test steps passed');
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
