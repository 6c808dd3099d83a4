import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../../core/overrides/apply.js';
import type { OverrideInput } from '../../../../core/overrides/schema.js';
import { parseProgram } from '../../../../core/program/parse.js';
import { HostClock } from '../../../../electron/host/clock.js';
import { Journal } from '../../../../electron/host/journal.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { HostState } from '../../../../electron/host/state.js';
import { FIXTURE_PROGRAM } from './helpers.js';

const parsed = parseProgram(JSON.parse(readFileSync(FIXTURE_PROGRAM, 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const program = parsed.program;
const session = program.sessions.find((s) => s.room !== null)!;

/** A journal that counts whole-journal reads (`entries`). */
class CountingJournal extends Journal {
  reads = 0;
  override get entries() {
    this.reads++;
    return super.entries;
  }
}

let dir: string;
let journal: CountingJournal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-state-'));
  journal = new CountingJournal(journalPathIn(dir));
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const replay = (s: HostState) => applyOverrides(s.base, [...s.journal.entries]);

describe('HostState.effective', () => {
  it('applies new overrides on top of the last one, equal to replaying the journal', async () => {
    const state = new HostState(program, journal, new HostClock());
    const inputs: OverrideInput[] = [
      { kind: 'delay', session: session.id, minutes: 10, cascade: true },
      { kind: 'announce', text: 'tea in the lobby' },
      { kind: 'cancel', session: session.id, note: 'ill' },
      { kind: 'delay', session: 'no-such-session', minutes: 5 },
    ];
    for (const o of inputs) {
      await state.journal.append({ type: 'override', at: state.nowIso(), override: o });
      expect(state.effective()).toEqual({ revision: state.revision, ...replay(state) });
    }
    await state.revert(1);
    expect(state.effective()).toEqual({ revision: state.revision, ...replay(state) });
  });

  it('an override after the first does not read the whole journal', async () => {
    const state = new HostState(program, journal, new HostClock());
    await state.acceptOverride({ kind: 'announce', text: 'first' });
    state.effective();
    const before = journal.reads;
    for (let i = 0; i < 20; i++) await state.acceptOverride({ kind: 'announce', text: `n${i}` });
    state.effective();
    expect(journal.reads - before).toBe(0);
  });

  it.each<[string, OverrideInput]>([
    ['an alert', { kind: 'alert', text: 'Leave now' }],
    ['an announcement', { kind: 'announce', text: 'tea in the lobby' }],
  ])('the revert of %s: taken off without a replay, equal to replaying the journal', async (_name, o) => {
    const state = new HostState(program, journal, new HostClock());
    await state.acceptOverride({ kind: 'delay', session: session.id, minutes: 10, cascade: true });
    const notice = await state.acceptOverride(o);
    await state.acceptOverride({ kind: 'announce', text: 'after it' });
    state.effective();
    await state.revert(notice.revision); // checks its target against the journal: one read
    const before = journal.reads;
    const effective = state.effective();
    expect(journal.reads - before).toBe(0);
    expect(effective).toEqual({ revision: state.revision, ...replay(state) });
  });

  it('the revert of a delay still replays the journal', async () => {
    const state = new HostState(program, journal, new HostClock());
    const delay = await state.acceptOverride({ kind: 'delay', session: session.id, minutes: 10 });
    state.effective();
    await state.revert(delay.revision);
    const before = journal.reads;
    expect(state.effective()).toEqual({ revision: state.revision, ...replay(state) });
    expect(journal.reads - before).toBeGreaterThan(0);
  });
});
