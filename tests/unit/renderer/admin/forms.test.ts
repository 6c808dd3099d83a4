import { describe, expect, it } from 'vitest';
import { OverrideInput } from '../../../../core/overrides/schema.js';
import {
  announceDraft,
  cancelDraft,
  delayDraft,
  editDraft,
  formatSpeakers,
  moveDraft,
  nowSpeakingDraft,
  parseSpeakers,
} from '../../../../renderer/admin/forms.js';

const zone = 'America/Los_Angeles';

describe('drafts the host accepts', () => {
  it.each([
    ['cancel a talk', cancelDraft({ session: 't2-pm1', talk: 't2-pm1-1' }, 'speaker ill')],
    ['cancel a session', cancelDraft({ session: 't2-pm1', talk: '' }, '')],
    ['delay with cascade', delayDraft('t1-production', '10', true)],
    ['delay from a number box', delayDraft('t1-production', -5, false)],
    ['move', moveDraft('t1-pm3', 'magnolia', false)],
    ['now speaking', nowSpeakingDraft('t2-pm1', 't2-pm1-2')],
    ['announce', announceDraft('Coffee in the lobby', ['winchester'], '2019-05-20T10:00', '', zone)],
  ])('%s', (_name, draft) => {
    expect(OverrideInput.safeParse(draft).success).toBe(true);
  });
});

describe('drafts the host refuses at a field (left to its validation)', () => {
  it.each([
    ['delay 0', delayDraft('x', '0', false), 'minutes'],
    ['delay empty', delayDraft('x', '', false), 'minutes'],
    ['delay null (an emptied number box)', delayDraft('x', null, false), 'minutes'],
    ['move without room', moveDraft('x', '', false), 'room'],
  ])('%s names %s', (_name, draft, field) => {
    const r = OverrideInput.safeParse(draft);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe('cancelDraft', () => {
  it('targets the talk when one is picked, else the session', () => {
    expect(cancelDraft({ session: 's', talk: 't' }, '')).toEqual({
      kind: 'cancel',
      talk: 't',
      note: undefined,
    });
    expect(cancelDraft({ session: 's', talk: '' }, ' ill ')).toEqual({
      kind: 'cancel',
      session: 's',
      note: 'ill',
    });
  });
});

describe('announceDraft', () => {
  it('reads venue wall time whatever the machine zone', () => {
    const d = announceDraft('x', [], '2019-05-20T10:30', '2019-05-20T11:00', zone);
    expect(d.from).toBe('2019-05-20T10:30:00-07:00');
    expect(d.until).toBe('2019-05-20T11:00:00-07:00');
    expect(d.rooms).toBeUndefined();
  });
});

describe('editDraft', () => {
  const was = { title: 'Old', speakers: 'Ann Lee (Acme)', note: '' };
  const people = [{ name: 'Ann Lee', affiliation: 'Acme', bio: 'Long bio' }];

  it('sends only what changed', () => {
    expect(editDraft({ session: 's', talk: '' }, { ...was, title: 'New' }, was, people)).toEqual({
      kind: 'edit',
      session: 's',
      title: 'New',
    });
  });

  it('sends nothing to change when nothing changed (the host then says so at the title)', () => {
    expect(editDraft({ session: 's', talk: 't' }, was, was, people)).toEqual({ kind: 'edit', talk: 't' });
  });

  it('keeps a speaker’s bio when only the affiliation changed', () => {
    const d = editDraft(
      { session: 's', talk: '' },
      { ...was, speakers: 'Ann Lee (Beta)\nBo Wu' },
      was,
      people,
    );
    expect(d.speakers).toEqual([
      { name: 'Ann Lee', affiliation: 'Beta', bio: 'Long bio' },
      { name: 'Bo Wu' },
    ]);
  });
});

describe('speakers text', () => {
  it.each([
    ['Ann Lee (Acme)', [{ name: 'Ann Lee', affiliation: 'Acme' }]],
    ['Ann Lee', [{ name: 'Ann Lee' }]],
    ['  \nA (B (C))\n', [{ name: 'A (B (C))' }]],
    ['Bo Wu (Uni, Dept)\n\nCy', [{ name: 'Bo Wu', affiliation: 'Uni, Dept' }, { name: 'Cy' }]],
  ])('%j', (text, want) => {
    expect(parseSpeakers(text)).toEqual(want);
  });

  it('round-trips', () => {
    const people = [{ name: 'Ann Lee', affiliation: 'Acme' }, { name: 'Bo Wu' }];
    expect(parseSpeakers(formatSpeakers(people))).toEqual(people);
  });
});
