import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../core/overrides/schema.js';
import { openStore } from '../../../../electron/host/store.js';
import { cli, scratch } from './helpers.js';

describe('hallway now', () => {
  it('Stevens Creek at 13:45: Handling Heterogeneity (chair Swaminathan Sundararaman), next Measuring and Diagnosing', async () => {
    const r = await cli('now', '--room', 'stevens-creek', '--at', '2019-05-20T13:45:00-07:00', '--json');
    expect(r.code).toBe(0);
    const nn = JSON.parse(r.out);
    expect(nn.state).toBe('in-session');
    expect(nn.current.title).toBe('Handling Heterogeneity, Distribution, and Scale');
    expect(nn.current.chairs[0].name).toBe('Swaminathan Sundararaman');
    expect(nn.current.talks.length).toBeGreaterThan(0);
    expect(nn.next.title).toBe('Measuring and Diagnosing Production ML');
  });

  it('Winchester at 10:10: between sessions, the break for everyone, next Production Experiences at 10:30', async () => {
    const r = await cli('now', '--room', 'Winchester Room', '--at', '2019-05-20T10:10:00-07:00', '--json');
    expect(r.code).toBe(0);
    const nn = JSON.parse(r.out);
    expect(nn.state).toBe('between-sessions');
    expect(nn.current).toBeNull();
    expect(nn.venue.current.kind).toBe('break');
    expect(nn.next.title).toBe('Production Experiences and Learnings');
    expect(nn.next.start).toBe('2019-05-20T10:30:00-07:00');
  });

  it('the same instant in UTC gives the same answer', async () => {
    const venue = await cli('now', '--room', 'winchester', '--at', '2019-05-20T10:10:00-07:00', '--json');
    const utc = await cli('now', '--room', 'winchester', '--at', '2019-05-20T17:10:00Z', '--json');
    expect(utc.out).toBe(venue.out);
  });

  it('prints readable lines: state, current with chair and talk on now (estimated), next, venue', async () => {
    const r = await cli('now', '--room', 'stevens-creek', '--at', '2019-05-20T13:45:00-07:00');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Stevens Creek Room \(stevens-creek\), Monday, May 20, 1:45 PM: in-session$/m);
    expect(r.out).toMatch(/^now: .*Handling Heterogeneity/m);
    expect(r.out).toContain('chair: Swaminathan Sundararaman');
    expect(r.out).toMatch(/on now: .*\(estimated\)/);
    expect(r.out).toMatch(/^next: +2:30 PM.*Measuring and Diagnosing Production ML/m);
  });

  it('unknown room → exit 1 listing the rooms', async () => {
    const r = await cli('now', '--room', 'attic', '--at', '2019-05-20T10:10:00-07:00');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown room "attic"');
    for (const id of [
      'santa-clara-ballroom',
      'winchester',
      'stevens-creek',
      'lawrence-san-tomas-lafayette',
      'magnolia',
    ])
      expect(r.err).toContain(id);
  });

  it.each([
    [['now'], 'give the room'],
    [['now', '--room', 'winchester', '--at', 'lunchtime'], '--at'],
    [['now', '--room', 'winchester', '--colour'], "Unknown option '--colour'"],
  ])('%j → exit 2 saying %s', async (args, text) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
  });

  it.each([
    ['journal.jsonl', true],
    ['an older store’s config.json', false],
  ])('--data applies that data dir’s overrides (journal in %s)', async (_where, file) => {
    const dir = scratch('hallway-now-');
    const write = (entries: JournalEntry[]) =>
      file
        ? writeFileSync(join(dir, 'journal.jsonl'), entries.map((e) => `${JSON.stringify(e)}\n`).join(''))
        : openStore(dir, () => {}).set('journal', entries);
    write([
      {
        type: 'override',
        revision: 1,
        at: '2019-05-20T09:00:00-07:00',
        override: { kind: 'delay', session: 't1-production', minutes: 15 },
      },
    ]);
    const r = await cli(
      'now',
      '--room',
      'winchester',
      '--at',
      '2019-05-20T10:40:00-07:00',
      '--data',
      dir,
      '--json',
    );
    expect(r.code).toBe(0);
    const nn = JSON.parse(r.out);
    expect(nn.current).toBeNull();
    expect(nn.next.start).toBe('2019-05-20T10:45:00-07:00');
    expect(nn.next.delayMinutes).toBe(15);
  });

  it('--data: a cancelled session is said as such, never given as next', async () => {
    const dir = scratch('hallway-now-');
    openStore(dir, () => {}).set('journal', [
      {
        type: 'override',
        revision: 1,
        at: '2019-05-20T09:00:00-07:00',
        override: { kind: 'cancel', session: 'tut-pm1', note: 'speaker ill' },
      },
    ]);
    const r = await cli('now', '--room', 'winchester', '--at', '2019-05-20T12:40:00-07:00', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^next: +2:30 PM–3:30 PM +Tutorials Track/m);
    expect(r.out).toMatch(/^off: +1:30 PM–2:30 PM +Tutorials Track.*CANCELLED: speaker ill/m);
  });

  it('--data with no store says so and applies nothing', async () => {
    const r = await cli(
      'now',
      '--room',
      'winchester',
      '--at',
      '2019-05-20T10:40:00-07:00',
      '--data',
      join(scratch('hallway-now-'), 'x'),
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('no overrides applied');
  });
});
