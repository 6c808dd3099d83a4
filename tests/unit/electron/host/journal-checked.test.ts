import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedPathOf, schemaFingerprint } from '../../../../electron/host/journal-checked.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { Journal } from '../../../../electron/host/journal.js';

/**
 * A start validates only the journal lines no start validated before (issue 13: a host with
 * 10,000 entries starts within 1.5× of one with none), and still refuses every line that was
 * edited, damaged, or passed by another schema.
 */
let dir: string;
let path: string;
const open: Journal[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-journal-checked-'));
  path = journalPathIn(dir);
});
afterEach(() => {
  for (const j of open.splice(0)) j.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = '2019-05-20T10:00:00-07:00';
const line = (revision: number, text = `e${revision}`) =>
  `${JSON.stringify({ type: 'override', at, override: { kind: 'alert', text }, revision })}\n`;
/** Valid JSON with a revision, but no journal entry: an alert without its text. */
const notAnEntry = (revision: number) =>
  `${JSON.stringify({ type: 'override', at, override: { kind: 'alert' }, revision })}\n`;

function journal(): { j: Journal; logs: string[] } {
  const logs: string[] = [];
  const j = new Journal(path, { log: (l) => logs.push(l) });
  open.push(j);
  return { j, logs };
}
const reopen = () => {
  for (const j of open.splice(0)) j.close();
  return journal();
};
const record = () =>
  JSON.parse(readFileSync(checkedPathOf(path), 'utf8')) as { bytes: number; schema: string };
const asides = () => readdirSync(dir).filter((f) => /^journal\.(torn|invalid)-/.test(f));

describe('the record of validated journal bytes', () => {
  it('is named after the journal, beside it', () => {
    expect(checkedPathOf('/d/journal.jsonl')).toBe('/d/journal.checked.json');
    expect(checkedPathOf('/d/cluster-HALLWAY.jsonl')).toBe('/d/cluster-HALLWAY.checked.json');
  });

  it('covers the whole good file after a start, and nothing is written for an empty journal', async () => {
    const { j } = journal();
    expect(readdirSync(dir)).toEqual(['journal.jsonl']);
    await j.append({ type: 'override', at, override: { kind: 'alert', text: 'a' } });
    const { j: again } = reopen();
    expect(again.revision).toBe(1);
    expect(record().bytes).toBe(readFileSync(path).length);
    expect(record().schema).toBe(schemaFingerprint());
  });

  // Table: what is on disk at the second start, and whether that start finds the bad line.
  const cases: { what: string; before: string; after: (text: string) => string; found: boolean }[] = [
    {
      what: 'a line written after the record is validated',
      before: line(1) + line(2),
      after: (t) => t + notAnEntry(3),
      found: true,
    },
    {
      what: 'a line edited in place under the record is validated again (its hash changed)',
      before: line(1) + line(2, 'ab'),
      after: (t) => t.replace(line(2, 'ab'), notAnEntry(2)),
      found: true,
    },
    {
      what: 'a journal cut shorter than the record is validated again',
      before: line(1) + line(2) + line(3),
      after: () => line(1) + notAnEntry(2),
      found: true,
    },
    {
      what: 'an unchanged journal opens with every entry',
      before: line(1) + line(2) + line(3),
      after: (t) => t,
      found: false,
    },
  ];
  for (const c of cases)
    it(c.what, () => {
      writeFileSync(path, c.before);
      const first = journal();
      expect(first.j.revision).toBeGreaterThan(0);
      for (const j of open.splice(0)) j.close();
      writeFileSync(path, c.after(readFileSync(path, 'utf8')));
      const { logs } = journal();
      expect(asides().length > 0, asides().join()).toBe(c.found);
      expect(logs.some((l) => /not a journal entry/.test(l))).toBe(c.found);
    });

  it('trusts the lines it covers: a start does not run the schema over them again', () => {
    // Proof that the check is skipped: a line the schema refuses, under a record that matches.
    writeFileSync(path, line(1));
    journal();
    for (const j of open.splice(0)) j.close();
    const body = line(1) + notAnEntry(2);
    writeFileSync(path, body);
    writeFileSync(
      checkedPathOf(path),
      JSON.stringify({ ...record(), bytes: body.length, sha256: sha256Of(body) }),
    );
    const { j } = journal();
    expect(j.revision).toBe(2);
    expect(asides()).toEqual([]);
  });

  it('made by another schema, or unreadable, is passed over: every line is validated', () => {
    const body = line(1) + notAnEntry(2);
    for (const mark of [
      JSON.stringify({ bytes: body.length, sha256: sha256Of(body), schema: 'another' }),
      '{"bytes": 12, "sha',
      JSON.stringify({ bytes: -3, sha256: sha256Of(body), schema: schemaFingerprint() }),
    ]) {
      for (const f of asides()) rmSync(join(dir, f));
      writeFileSync(path, body);
      writeFileSync(checkedPathOf(path), mark);
      const { j, logs } = journal();
      expect(j.revision, mark).toBe(1);
      expect(logs.join('\n'), mark).toMatch(/not a journal entry \(override.text/);
      for (const x of open.splice(0)) x.close();
    }
  });

  it('gives the same fingerprint for the same schema', () => {
    expect(schemaFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(schemaFingerprint()).toBe(schemaFingerprint());
  });
});

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
