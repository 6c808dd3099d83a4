import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import type { AdminApi, ApiResult } from '../../../../renderer/admin/api.js';
import { OverrideForms, kindForKey } from '../../../../renderer/admin/forms.svelte.js';

const program = ProgramShape.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/opml19.json'), 'utf8')),
);
const zone = 'America/Los_Angeles';

/** An API that answers each post with the next scripted answer and records what was sent. */
function scripted(...answers: ApiResult<{ id: number; revision: number }>[]) {
  const sent: unknown[] = [];
  const api = {
    postOverride: async (o: unknown) => {
      sent.push(o);
      return answers.shift() ?? { ok: true, value: { id: 1, revision: 1 } };
    },
  } as unknown as AdminApi;
  return { api, sent };
}

describe('OverrideForms', () => {
  it('prefills from the picked talk and sends only the edited title', async () => {
    const { api, sent } = scripted();
    const forms = new OverrideForms(api, () => program);
    forms.select('t2-pm1', 't2-pm1-2');
    forms.kind = 'edit';
    const talk = program.sessions.find((s) => s.id === 't2-pm1')!.talks[1]!;
    expect(forms.edit.title).toBe(talk.title);
    expect(forms.room).toBe('stevens-creek');
    forms.edit.title = 'A new title';
    expect(await forms.submit(zone)).toBe(true);
    expect(sent).toEqual([{ kind: 'edit', talk: 't2-pm1-2', title: 'A new title' }]);
    expect(forms.done).toEqual({ revision: 1, kind: 'edit' });
  });

  it('places the host’s problems at the fields', async () => {
    const { api } = scripted({
      ok: false,
      status: 400,
      error: 'the override is not valid',
      problems: [{ path: 'minutes', message: 'must be at most 720' }],
    });
    const forms = new OverrideForms(api, () => program);
    forms.select('t1-pm1');
    forms.kind = 'delay';
    forms.minutes = 800;
    expect(await forms.submit(zone)).toBe(false);
    expect(forms.errorsAt('minutes')).toEqual(['must be at most 720']);
    expect(forms.placed?.general).toEqual([]);
  });

  it('offers force after a clash (409) and sends force when asked', async () => {
    const clash = 'winchester has "tut-pm1" 13:30–14:30 then: pass force to move anyway';
    const { api, sent } = scripted({ ok: false, status: 409, error: clash, problems: [] });
    const forms = new OverrideForms(api, () => program);
    forms.select('t1-pm1');
    forms.kind = 'move';
    forms.room = 'winchester';
    await forms.submit(zone);
    expect(forms.clash).toBe(clash);
    expect(await forms.submit(zone, true)).toBe(true);
    expect(sent[1]).toEqual({ kind: 'move', session: 't1-pm1', room: 'winchester', force: true });
    expect(forms.clash).toBeNull();
  });

  // Issue 11, bug 6: Alt+1 after a 409 on a move kept the clash box, and "Move anyway" sent a cancel.
  it.each([
    ['a kind button', (f: OverrideForms) => f.setKind('cancel')],
    ['Alt+1', (f: OverrideForms) => f.setKind(kindForKey({ code: 'Digit1', altKey: true })!)],
  ])(
    'switching the kind by %s after a clash clears it, and force never sends another kind',
    async (_how, switchKind) => {
      const clash = 'winchester has "tut-pm1" 13:30–14:30 then: pass force to move anyway';
      const { api, sent } = scripted({ ok: false, status: 409, error: clash, problems: [] });
      const forms = new OverrideForms(api, () => program);
      forms.select('t1-pm1');
      forms.setKind('move');
      forms.room = 'winchester';
      await forms.submit(zone);
      expect(forms.clash).toBe(clash);
      switchKind(forms);
      expect(forms.kind).toBe('cancel');
      expect(forms.clash).toBeNull();
      expect(forms.placed).toBeNull();
      expect(await forms.submit(zone, true)).toBe(false);
      expect(sent).toHaveLength(1);
    },
  );

  it('never sends force with a kind that has no clash to force, however the kind was set', async () => {
    const { api, sent } = scripted({ ok: false, status: 409, error: 'clash', problems: [] });
    const forms = new OverrideForms(api, () => program);
    forms.select('t1-pm1');
    forms.kind = 'move';
    forms.room = 'winchester';
    await forms.submit(zone);
    forms.kind = 'cancel';
    expect(await forms.submit(zone, true)).toBe(false);
    expect(sent).toHaveLength(1);
  });

  // "N min late" is the total: the override carries the difference from the delay the session has.
  it.each([
    [0, 10, 10],
    [10, 15, 5],
    [10, 0, -10],
    [-5, 5, 10],
  ])('a session %i min late set to %i min late sends %i', async (was, total, sent_) => {
    const { api, sent } = scripted();
    const late = structuredClone(program);
    const s = late.sessions.find((x) => x.id === 't1-pm1')!;
    if (was !== 0) s.delayMinutes = was;
    const forms = new OverrideForms(api, () => late);
    forms.select('t1-pm1');
    forms.setKind('delay');
    expect(forms.minutes).toBe(was);
    forms.minutes = total;
    expect(await forms.submit(zone)).toBe(true);
    expect(sent).toEqual([{ kind: 'delay', session: 't1-pm1', minutes: sent_, cascade: undefined }]);
  });

  it('refuses a delay that changes nothing, naming the total it already has', async () => {
    const { api, sent } = scripted();
    const late = structuredClone(program);
    late.sessions.find((x) => x.id === 't1-pm1')!.delayMinutes = 10;
    const forms = new OverrideForms(api, () => late);
    forms.select('t1-pm1');
    forms.setKind('delay');
    expect(await forms.submit(zone)).toBe(false);
    expect(forms.errorsAt('minutes')).toEqual(['already 10 min late: type how late it runs in total']);
    expect(sent).toEqual([]);
  });

  it.each([
    ['cancel', (f: OverrideForms) => void (f.note = 'speaker ill')],
    ['move', (f: OverrideForms) => void (f.room = 'magnolia')],
    ['delay', (f: OverrideForms) => void (f.minutes = 10)],
  ])('starts over after an accepted %s: Enter pressed twice does not send it twice', async (kind, fill) => {
    const { api, sent } = scripted(
      { ok: true, value: { id: 3, revision: 3 } },
      {
        ok: false,
        status: 400,
        error: 'the override is not valid',
        problems: [{ path: 'session', message: 'Required' }],
      },
    );
    const forms = new OverrideForms(api, () => program);
    forms.select('t1-pm1');
    forms.setKind(kind as 'cancel');
    fill(forms);
    expect(await forms.submit(zone)).toBe(true);
    expect(forms.done).toEqual({ revision: 3, kind });
    expect(forms.session).toBe('');
    await forms.submit(zone);
    // The second Enter names no session: the host refuses it at the field, nothing changes twice.
    expect(sent).toHaveLength(2);
    expect(sent[1]).toHaveProperty('session', undefined);
  });

  it('offers the end of the venue day as an announcement’s end', () => {
    const { api } = scripted();
    const at = Date.parse('2019-05-20T10:45:00-07:00');
    const forms = new OverrideForms(
      api,
      () => program,
      () => at,
    );
    forms.setKind('announce');
    const last = Math.max(...program.sessions.map((s) => Date.parse(s.end)));
    expect(forms.until).toBe(DateTime.fromMillis(last, { zone }).toFormat("yyyy-LL-dd'T'HH:mm"));
  });

  it('asks for confirmation before an alert goes out', async () => {
    const { api, sent } = scripted();
    const forms = new OverrideForms(api, () => program);
    forms.kind = 'alert';
    forms.alertText = 'Leave the building';
    expect(await forms.submit(zone)).toBe(false);
    expect(forms.alertConfirm).toBe(true);
    expect(sent).toEqual([]);
    expect(await forms.submit(zone)).toBe(true);
    expect(sent).toEqual([{ kind: 'alert', text: 'Leave the building' }]);
    expect(forms.alertConfirm).toBe(false);
  });

  it('reports its own failure where staff look instead of throwing', async () => {
    const api = {
      postOverride: async () => {
        throw new Error('boom');
      },
    } as unknown as AdminApi;
    const forms = new OverrideForms(api, () => program);
    forms.kind = 'announce';
    forms.announceText = 'x';
    expect(await forms.submit(zone)).toBe(false);
    expect(forms.placed?.general).toEqual(['Could not send: boom']);
    expect(forms.busy).toBe(false);
  });
});
