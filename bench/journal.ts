import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROUTES } from '../core/protocol/index.js';
import { OPML_CLOCK, startHallway } from './host.js';
import { median, percentile } from './stats.js';
import { fmt, type Row } from './table.js';

/** The OpML '19 sessions the journal's entries edit: notes replace notes, the program keeps its size. */
function sessionIds(root: string): string[] {
  const p = JSON.parse(readFileSync(path.join(root, 'data', 'opml19.json'), 'utf8')) as {
    sessions: { id: string }[];
  };
  return p.sessions.map((s) => s.id);
}

const edit = (ids: string[], n: number) => ({
  kind: 'edit' as const,
  session: ids[n % ids.length]!,
  note: `note ${n}`,
});

/** A data dir whose journal.jsonl holds `n` note edits (none when n = 0). */
function dataDirWith(root: string, n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hallway-bench-journal-${n}-`));
  const ids = sessionIds(root);
  const lines = Array.from(
    { length: n },
    (_, i) =>
      `${JSON.stringify({ type: 'override', at: '2019-05-20T09:00:00-07:00', override: edit(ids, i), revision: i + 1 })}\n`,
  );
  writeFileSync(path.join(dir, 'journal.jsonl'), lines.join(''));
  return dir;
}

/** p99 of `count` override POSTs, one after another, after a few to warm up. */
async function postP99(
  root: string,
  dataDir: string,
  count: number,
): Promise<{ p99: number; median: number }> {
  const host = await startHallway(root, { dataDir });
  try {
    const ids = sessionIds(root);
    const times: number[] = [];
    for (let i = 0; i < count + 10; i++) {
      const t = performance.now();
      const res = await host.post(ROUTES.overrides, edit(ids, i + 7));
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`POST ${ROUTES.overrides} answered ${res.status}`);
      if (i >= 10) times.push(performance.now() - t);
    }
    return { p99: percentile(times, 99), median: median(times) };
  } finally {
    await host.stop();
  }
}

/** Spawn → URLs printed, `runs` times, on a copy-free data dir (the journal is only read). */
async function startMs(root: string, dataDir: string, runs: number, until: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs && (i < 2 || Date.now() < until); i++) {
    const host = await startHallway(root, { dataDir, clock: OPML_CLOCK });
    times.push(host.readyAt - host.spawnedAt);
    await host.stop();
  }
  return times;
}

/**
 * What the journal costs as it grows: an override POST's p99 and the host's start, each with
 * 10,000 entries against the same with 10 (or none), measured in the same run.
 */
export async function journalCost(root: string, until: number): Promise<Row[]> {
  const small = dataDirWith(root, 10);
  const big = dataDirWith(root, 10_000);
  const empty = dataDirWith(root, 0);
  try {
    const posts = 200;
    const a = await postP99(root, small, posts);
    const b = await postP99(root, big, posts);
    const postRatio = b.p99 / a.p99;
    // Alternate none / 10,000 so load on a shared machine falls on both alike.
    const none: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 5 && (i < 2 || Date.now() < until); i++) {
      none.push(...(await startMs(root, empty, 1, until)));
      full.push(...(await startMs(root, big, 1, until)));
    }
    const startRatio = median(full) / median(none);
    return [
      {
        measurement: 'override POST → 2xx with 10 journal entries (ms)',
        median: fmt(a.median),
        spread: `p99 ${fmt(a.p99)}`,
        target: '(reference)',
        met: null,
        note: `${posts} note edits posted one after another to \`hallway serve\` (OpML '19), after 10 to warm up`,
      },
      {
        measurement: 'override POST → 2xx with 10,000 journal entries (ms)',
        median: fmt(b.median),
        spread: `p99 ${fmt(b.p99)} = ${fmt(postRatio)}× the same with 10`,
        target: 'p99 ≤ 1.2× with 10',
        met: postRatio <= 1.2,
        note:
          'the journal: 10,000 note edits in journal.jsonl; each POST appends one fsynced line and applies the ' +
          'override on top of the effective program the host holds' +
          (postRatio > 1.2
            ? '. Missed: on a loaded machine one fsync can stall for tens of ms; rerun on a quiet one'
            : ''),
      },
      {
        measurement: 'host start with no journal (ms, spawn → URLs printed)',
        median: fmt(median(none)),
        spread: `${fmt(Math.min(...none))}–${fmt(Math.max(...none))}`,
        target: '(reference)',
        met: null,
        note: `${none.length} starts, alternating with the 10,000-entry ones`,
      },
      {
        measurement: 'host start with 10,000 journal entries (ms)',
        median: `${fmt(median(full))} = ${fmt(startRatio)}× none`,
        spread: `${fmt(Math.min(...full))}–${fmt(Math.max(...full))}`,
        target: '≤ 1.5× none',
        met: startRatio <= 1.5,
        note:
          'the journal read once and replayed once for the effective program; the first start validates every ' +
          'line (zod) and records what it validated (electron/host/journal-checked.ts), the later ones validate ' +
          'only the lines after that record: a host restarted on the day, as most starts are',
      },
    ];
  } finally {
    for (const d of [small, big, empty]) rmSync(d, { recursive: true, force: true });
  }
}
