#!/usr/bin/env node
// `npm run security`: Electronegativity on the shell's source, offline. The tool exits 0 whatever
// it finds, so this gate reads its SARIF report and fails on any high or medium finding.
//
// Electronegativity 1.10.3 leaves the severity out of its SARIF (every result is "warning", or
// "note" when it wants a manual review) and its CSV writer races its own header, so the severity
// of each SARIF result is looked up in the same scan run through the tool's API, side by side.
// A SARIF result the API run does not explain counts as high: the gate never passes on a guess.
//
// Findings that are false positives are suppressed where they occur with the tool's own
// `// eng-disable CHECK_ID` comment, and the reason written next to it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = resolve(root, process.argv[2] ?? 'electron');
const require = createRequire(import.meta.url);
// The scanned folder has no package.json to read the Electron version from: give it the installed one.
const electronVersion = require('electron/package.json').version;
const FAILING = new Set(['HIGH', 'MEDIUM']);

const dir = await mkdtemp(join(tmpdir(), 'hallway-electronegativity-'));
const sarifPath = join(dir, 'report.sarif');
try {
  const cli = runCli(['electronegativity', '-i', input, '-o', sarifPath, '-r', '-e', electronVersion]);
  const api = runApi();
  const [code, scan] = await Promise.all([cli, api]);
  if (code !== 0) fail(`electronegativity exited with ${code}`);

  const sarif = JSON.parse(await waitForFile(sarifPath));
  const results = sarif.runs?.[0]?.results;
  if (!Array.isArray(results))
    fail(`${sarifPath}: no runs[0].results; not an Electronegativity SARIF report`);

  const findings = results.map((r) => classify(r, scan.issues));
  const bySeverity = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const failing = findings.filter((f) => FAILING.has(f.severity));
  const summary =
    Object.entries(bySeverity)
      .map(([s, n]) => `${n} ${s.toLowerCase()}`)
      .join(', ') || 'no findings';

  for (const f of findings.filter((f) => !FAILING.has(f.severity)))
    console.log(
      `  (${f.severity.toLowerCase()}${f.review ? ', review' : ''}) ${f.rule} ${f.where}: ${f.message}`,
    );
  if (failing.length) {
    console.error(
      `✖ Electronegativity: ${failing.length} high/medium finding(s) in ${rel(input)} (${summary}):`,
    );
    for (const f of failing) console.error(`  ${f.severity} ${f.rule} ${f.where}: ${f.message}`);
    console.error(
      'Fix them, or if one is a false positive, add `// eng-disable CHECK_ID` on its line with the reason.',
    );
    process.exitCode = 1;
  } else {
    console.log(
      `✔ Electronegativity (Electron ${electronVersion}, ${scan.atomicChecks + scan.globalChecks} checks) on ${rel(input)}: no high or medium findings (${summary}).`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

function classify(result, issues) {
  const loc = result.locations?.[0]?.physicalLocation;
  const uri = loc?.artifactLocation?.uri ?? '';
  const line = loc?.region?.startLine ?? 0;
  const column = (loc?.region?.startColumn ?? 1) - 1;
  const where = uri === 'file:///' ? '(whole app)' : `${uri}:${line}:${column + 1}`;
  const match = issues.find(
    (i) =>
      i.id === result.ruleId &&
      i.description === result.message?.text &&
      (uri === 'file:///'
        ? i.file === 'N/A'
        : sameFile(i.file, uri) && Math.max(1, i.location.line) === line),
  );
  return {
    rule: result.ruleId,
    message: result.message?.text ?? '',
    where,
    severity: match ? match.severity.name : 'HIGH',
    review: result.level === 'note',
  };
}

function sameFile(apiFile, sarifUri) {
  return apiFile === sarifUri || resolve(input, apiFile) === resolve(input, sarifUri);
}

function runCli(args) {
  return new Promise((done, reject) => {
    const child = spawn('npx', ['--no-install', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(err);
      done(code ?? 1);
    });
  });
}

/** The same scan through the API, which keeps each finding's severity. Its chatter is muted. */
async function runApi() {
  const run = require('@doyensec/electronegativity');
  const log = console.log;
  console.log = () => {};
  try {
    return await run(
      {
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

/** The CLI writes its report without waiting for the write to finish before it exits. */
async function waitForFile(path) {
  for (let i = 0; i < 50; i++) {
    try {
      const text = await readFile(path, 'utf8');
      if (text.trim()) return text;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`${path}: Electronegativity wrote no report`);
}

function rel(p) {
  return relative(root, p) || '.';
}

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}
