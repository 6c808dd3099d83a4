import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';
import { HelloEvent, JournalEvent, ROUTES } from '../../../../core/protocol/index.js';
import { HostClock, REAL_CLOCK } from '../../../../electron/host/clock.js';
import { Journal } from '../../../../electron/host/journal.js';
import { ScreenRegistry } from '../../../../electron/host/screens.js';
import { createApp } from '../../../../electron/host/server.js';
import { HostState } from '../../../../electron/host/state.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { FIXTURE_PROGRAM, type TestHost, openEvents, tempDir, testHost } from './helpers.js';

let t: TestHost;
beforeEach(async () => {
  t = await testHost();
});
afterEach(() => t.close());

const journalRevisions = (events: { event: string; data: string }[]) =>
  events
    .filter((e) => e.event === 'journal')
    .map((e) => JournalEvent.parse(JSON.parse(e.data)).entry.revision);

describe('GET /api/events', () => {
  it('says hello with the revision and clock, then streams each new entry with its id', async () => {
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'before' });
    const es = openEvents(t.host.url + ROUTES.events);
    await es.until(() => es.events.length >= 1, 'hello');
    expect(es.events[0]!.event).toBe('hello');
    const hello = HelloEvent.parse(JSON.parse(es.events[0]!.data));
    expect(hello.revision).toBe(1);
    expect(hello.clock.now).toBe('2019-05-20T10:40:00-07:00');

    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'after' });
    await t.api('POST', ROUTES.clock, { action: 'set', at: '2019-05-20T13:00:00-07:00', rate: 0 });
    await es.until(() => es.events.length >= 3, 'two journal events');
    expect(es.events.slice(1).map((e) => [e.event, e.id])).toEqual([
      ['journal', '2'],
      ['journal', '3'],
    ]);
    const clockEvent = JournalEvent.parse(JSON.parse(es.events[2]!.data));
    expect(clockEvent.entry).toMatchObject({ type: 'clock', clock: { mode: 'simulated', rate: 0 } });
    expect(clockEvent.clock.now).toBe('2019-05-20T13:00:00-07:00');
    await es.close();
  });

  it('loses nothing across 100 overrides while a client disconnects midway and resumes with Last-Event-ID', async () => {
    let es = openEvents(t.host.url + ROUTES.events);
    await es.until(() => es.events.length >= 1, 'hello');
    const seen: number[] = [];
    for (let i = 1; i <= 100; i++) {
      const r = await t.api('POST', ROUTES.overrides, { kind: 'announce', text: `notice ${i}` });
      expect(r.status).toBe(201);
      if (i === 50) {
        // Drop the connection wherever the stream has got to, and keep posting while it is away.
        await es.close();
        seen.push(...journalRevisions(es.events));
      }
      if (i === 70) {
        const last = seen.at(-1);
        es = openEvents(
          t.host.url + ROUTES.events,
          last === undefined ? {} : { 'Last-Event-ID': String(last) },
        );
        await es.until(() => es.events.length >= 1, 'hello after reconnect');
      }
    }
    await es.until(() => journalRevisions(es.events).at(-1) === 100, 'revision 100');
    seen.push(...journalRevisions(es.events));
    await es.close();
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('?since=N replays what came after a snapshot', async () => {
    for (const text of ['a', 'b', 'c']) await t.api('POST', ROUTES.overrides, { kind: 'alert', text });
    const es = openEvents(`${t.host.url}${ROUTES.events}?since=1`);
    await es.until(() => journalRevisions(es.events).length >= 2, 'replay');
    expect(journalRevisions(es.events)).toEqual([2, 3]);
    await es.close();
  });

  it.each<[string, (journal: string) => string, RegExp | null]>([
    ['the same journal, behind the host', (j) => `since=1&journal=${j}`, null],
    ['another journal', () => 'since=1&journal=someone-else', /another journal/],
    ['a revision past the journal’s end', (j) => `since=9&journal=${j}`, /revision 9 is past/],
  ])('resuming from %s: the hello says whether to refetch', async (_what, query, refetch) => {
    for (const text of ['a', 'b']) await t.api('POST', ROUTES.overrides, { kind: 'alert', text });
    const journal = (await t.api('GET', ROUTES.snapshot)).json.journal as string;
    expect(journal).toMatch(/^[\w-]{8,}$/);
    const es = openEvents(`${t.host.url}${ROUTES.events}?${query(journal)}`);
    await es.until(() => es.events.length >= 1, 'hello');
    const hello = HelloEvent.parse(JSON.parse(es.events[0]!.data));
    expect(hello.journal).toBe(journal);
    if (refetch) expect(hello.refetch).toMatch(refetch);
    else expect(hello.refetch).toBeUndefined();
    // A resume replays revision 2; a refetch replays nothing (the snapshot replaces it), only what is new.
    await t.api('POST', ROUTES.overrides, { kind: 'alert', text: 'c' });
    await es.until(() => journalRevisions(es.events).includes(3), 'the new entry');
    expect(journalRevisions(es.events)).toEqual(refetch ? [3] : [2, 3]);
    await es.close();
  });

  it('the journal keeps its name across a restart, so screens resume', async () => {
    const before = (await t.api('GET', ROUTES.snapshot)).json.journal;
    await t.restart();
    expect((await t.api('GET', ROUTES.snapshot)).json.journal).toBe(before);
  });

  it('a Last-Event-ID that is not a revision → 400', async () => {
    const res = await fetch(t.host.url + ROUTES.events, { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('Last-Event-ID');
  });

  it('closing the host ends open streams', async () => {
    const es = openEvents(t.host.url + ROUTES.events);
    await es.until(() => es.events.length >= 1, 'hello');
    await t.host.close();
    await es.close();
    await t.restart();
  });
});

describe('keepalive', () => {
  it('sends a comment on an idle stream', async () => {
    const dir = tempDir('hallway-keepalive-');
    const parsed = parseProgram(JSON.parse(readFileSync(FIXTURE_PROGRAM, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const state = new HostState(parsed.program, new Journal(journalPathIn(dir)), new HostClock(REAL_CLOCK));
    const { app, streams } = createApp({
      state,
      screens: new ScreenRegistry(),
      token: () => 'x'.repeat(32),
      rendererDir: dir,
      log: () => {},
      keepaliveMs: 20,
    });
    const res = await app.request(ROUTES.events);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': keepalive')) text += decoder.decode((await reader.read()).value);
    expect(text.startsWith('event: hello\n')).toBe(true);
    streams.closeAll();
    await reader.cancel();
  });
});
