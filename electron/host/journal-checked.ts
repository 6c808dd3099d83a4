import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { JournalEntry } from '../../core/overrides/schema.js';

/**
 * How much of a journal file a start has validated already, so the next start checks only the
 * lines after it. Validating 10,000 entries with zod was most of what such a journal added to a
 * start (issue 13: ≤ 1.5× the start with none); reading and hashing them is a few ms. Beside the
 * journal, `<name>.checked.json` holds the length of the validated bytes, their sha256 and a
 * fingerprint of the schema that passed them. A journal edited by hand or damaged on disk no
 * longer matches its hash, a Hallway whose schema accepts other entries no longer matches the
 * fingerprint: either way every line is validated again. The record is a cache: lost, torn or
 * unreadable, it costs one full validation, never an entry.
 */

export const checkedPathOf = (journalPath: string): string =>
  journalPath.replace(/(\.jsonl)?$/, '.checked.json');

interface Checked {
  bytes: number;
  sha256: string;
  schema: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let fingerprint: string | null = null;

/**
 * A hash of what JournalEntry accepts: every part of its definition (zod v4's `_zod.def`, its
 * introspection API), patterns, limits and the source of its refinements included.
 */
export function schemaFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const h = createHash('sha256');
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (typeof v === 'function') h.update(`f:${v.toString()};`);
    else if (v === null || typeof v !== 'object') h.update(`${typeof v}:${String(v)};`);
    else if (v instanceof RegExp) h.update(`r:${v.toString()};`);
    else if (seen.has(v)) h.update('^;');
    else {
      seen.add(v);
      const def = (v as { _zod?: { def?: unknown } })._zod?.def;
      if (def !== undefined) return walk(def);
      for (const k of Object.keys(v)) {
        h.update(`k:${k};`);
        walk((v as Record<string, unknown>)[k]);
      }
    }
  };
  walk(JournalEntry);
  fingerprint = h.digest('hex');
  return fingerprint;
}

/** How many leading bytes of `bytes` a start validated before: 0 when none, or when unsure. */
export function checkedPrefix(journalPath: string, bytes: Buffer): number {
  let c: Partial<Checked>;
  try {
    c = JSON.parse(readFileSync(checkedPathOf(journalPath), 'utf8')) as Partial<Checked>;
  } catch {
    return 0; // none yet, or unreadable: validate everything
  }
  if (typeof c.bytes !== 'number' || !Number.isInteger(c.bytes) || c.bytes <= 0 || c.bytes > bytes.length)
    return 0;
  // The hash first: the fingerprint costs ~10 ms the first time, and only a match needs it.
  if (c.sha256 !== sha256(bytes.subarray(0, c.bytes)) || c.schema !== schemaFingerprint()) return 0;
  return c.bytes;
}

/** Records that the first `length` bytes of `bytes` are validated entries (whole lines). */
export function recordChecked(journalPath: string, bytes: Buffer, length: number): void {
  const path = checkedPathOf(journalPath);
  const record: Checked = {
    bytes: length,
    sha256: sha256(bytes.subarray(0, length)),
    schema: schemaFingerprint(),
  };
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    // No fsync: a record lost to a power cut only means the next start validates every line.
    writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // A data dir that takes the journal but not this file: each start validates every line.
  }
}
