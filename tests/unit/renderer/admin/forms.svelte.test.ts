import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgramShape } from '../../../../core/program/schema.js';
import type { AdminApi, ApiResult } from '../../../../renderer/admin/api.js';
import { OverrideForms } from '../../../../renderer/admin/forms.svelte.js';

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
    expect(forms.done).toMatch(/#1/);
  });

  it('places the host’s problems at the fields', async () => {
    const { api } = scripted({
      ok: false,
      status: 400,
      error: 'the override is not valid',
      problems: [{ path: 'minutes', message: 'must not be 0' }],
    });
    const forms = new OverrideForms(api, () => program);
    forms.select('t1-pm1');
    forms.kind = 'delay';
    forms.minutes = 0;
    expect(await forms.submit(zone)).toBe(false);
    expect(forms.errorsAt('minutes')).toEqual(['must not be 0']);
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
