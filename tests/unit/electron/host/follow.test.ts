import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../core/protocol/index.js';
import { readProgramText } from '../../../../electron/host/program-file.js';
import {
  baseEvents,
  frabXml,
  type ScheduleServer,
  scheduleServer,
  type TestEvent,
} from '../../../support/schedule-server.js';
import { cli } from '../cli/helpers.js';
import { type Json, type TestHost, testHost } from './helpers.js';

let server: ScheduleServer | null = null;
let t: TestHost | null = null;
afterEach(async () => {
  await t?.close();
  await server?.close();
  t = null;
  server = null;
});

/** Waits until the follower has a result (the first fetch runs at start). */
async function settled(h: TestHost): Promise<Json> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { json } = await h.api('GET', ROUTES.program);
    if (json.follow.lastResult && !json.fetching) return json;
    if (Date.now() > deadline) throw new Error(`the follower gave no result: ${JSON.stringify(json)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const fetchNow = async (h: TestHost) => (await h.api('POST', ROUTES.programFetch)).json;
const snapshot = async (h: TestHost) => (await h.api('GET', ROUTES.snapshot, undefined, null)).json;
const idOf = (snap: Json, title: string): string => {
  const s = snap.program.sessions.find((x: Json) => x.title === title);
  if (!s) throw new Error(`no session "${title}" in the snapshot`);
  return s.id;
};

/** The test schedule changed: 1000 retitled, 1001 moved, 1002 removed, 1010 new. */
function secondVersion(): TestEvent[] {
  const events = baseEvents().filter((e) => e.id !== '1002');
  events[0]!.title = 'Talk number 1, retitled';
  events[1]!.room = 'Saal 3';
  events.push({ id: '1010', title: 'A late addition', room: 'Saal 3', start: '15:00', duration: '00:30' });
  return events;
}

describe('following a URL', () => {
  it('publishes each good version, keeps the last good one through every kind of failure, and across a restart', async () => {
    server = await scheduleServer(baseEvents());
    t = await testHost({ follow: server.url, everyMs: 3_600_000, followTimeoutMs: 500 });
    const first = await settled(t);
    expect(first.follow.lastResult.outcome).toBe('published');
    let snap = await snapshot(t);
    expect(snap.program.conference.name).toMatch(/follow test/i);
    expect(snap.program.sessions).toHaveLength(8);
    expect(snap.overrides.at(-1)).toMatchObject({ type: 'program', source: server.url });

    // Overrides on sessions the next version moves and removes.
    const moving = idOf(snap, 'Talk number 2');
    const removing = idOf(snap, 'Talk number 3');
    await t.api('POST', ROUTES.overrides, { kind: 'delay', session: moving, minutes: 10 });
    await t.api('POST', ROUTES.overrides, { kind: 'cancel', session: removing });

    server.set(secondVersion());
    const r2 = await fetchNow(t);
    expect(r2.result).toMatchObject({ outcome: 'published' });
    expect(r2.result.text).toMatch(/1 session moved, 1 new, 1 removed, 1 retitled$/);
    snap = await snapshot(t);
    const revision = snap.revision;
    expect(snap.program.sessions.map((s: Json) => s.title)).toContain('A late addition');
    expect(snap.overrides.at(-1).summary).toBe('1 session moved, 1 new, 1 removed, 1 retitled');
    // The delay still applies on the new version's room, and is flagged; the cancel no longer applies.
    expect(snap.program.sessions.find((s: Json) => s.id === moving).delayMinutes).toBe(10);
    expect(r2.info.review).toEqual([
      expect.objectContaining({
        kind: 'delay',
        status: 'review',
        text: expect.stringMatching(/moved it from Saal 2 to Saal 3/),
      }),
      expect.objectContaining({
        kind: 'cancel',
        status: 'gone',
        text: expect.stringContaining('“Talk number 3”'),
      }),
    ]);
    expect(snap.problems.join('\n')).toContain('no longer applies');

    // Unchanged: a conditional request answered 304.
    expect((await fetchNow(t)).result.outcome).toBe('not-modified');
    expect(server.requests.at(-1)).toMatchObject({ ifNoneMatch: '"v2"', answered: 304 });

    // Each failure: recorded with its reason and since when; nothing changes on the screens.
    const failures: [Parameters<ScheduleServer['breakNext']>[0], RegExp][] = [
      ['status-500', /HTTP 500/],
      ['timeout', /no answer within 0\.5 s/],
      ['truncated', /cut off/],
      ['html', /HTML page/],
      ['not-a-schedule', /not a usable schedule/],
    ];
    let since: string | null = null;
    for (const [how, reason] of failures) {
      server.breakNext(how);
      const r = await fetchNow(t);
      expect(r.result.outcome, how).toBe('failed');
      expect(r.result.text, how).toMatch(reason);
      since ??= r.info.follow.failingSince;
      expect(r.info.follow.failingSince, how).toBe(since);
      expect((await snapshot(t)).revision, how).toBe(revision);
    }
    expect(since).not.toBeNull();
    // The source recovers: the failure clears.
    const back = await fetchNow(t);
    expect(back.result.outcome).toBe('not-modified');
    expect(back.info.follow.failingSince).toBeNull();

    // A restart (without --follow) keeps the last good version, the journal and the source.
    await t.restart({ follow: undefined, everyMs: undefined });
    const after = await settled(t);
    expect(after.follow.source).toBe(server.url);
    snap = await snapshot(t);
    expect(snap.revision).toBe(revision);
    expect(snap.program.sessions.map((s: Json) => s.title)).toContain('A late addition');
    // The tools that read the data dir without a host see the same version.
    await t.host.close();
    const exported = await cli('export', '--format', 'json', '--data', t.dataDir);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('A late addition');
    await t.restart({ follow: undefined, everyMs: undefined });
    expect(t.lines.join('\n')).toMatch(
      /program: the version from http:\/\/127\.0\.0\.1:\d+\/schedule\.xml \(revision \d+\) is in force/,
    );
  });

  it('in hold mode keeps a new version back until staff approve it, and a rejected one is not held again', async () => {
    server = await scheduleServer(baseEvents());
    t = await testHost({ follow: server.url, everyMs: 3_600_000, followTimeoutMs: 500 });
    await settled(t);
    await t.api('POST', ROUTES.programFollow, { mode: 'hold' });
    const revision = (await snapshot(t)).revision;

    server.set(secondVersion());
    const held = await fetchNow(t);
    expect(held.result.outcome).toBe('held');
    const pending = held.info.follow.pending;
    expect(pending.summary).toBe('1 session moved, 1 new, 1 removed, 1 retitled');
    expect(pending.diff.sessions.added.map((s: Json) => s.title)).toEqual(['A late addition']);
    expect((await snapshot(t)).revision).toBe(revision);

    const wrong = await t.api('POST', ROUTES.programApprove, { hash: 'f'.repeat(64) });
    expect(wrong.status).toBe(409);
    const ok = await t.api('POST', ROUTES.programApprove, { hash: pending.hash });
    expect(ok.status).toBe(200);
    expect(ok.json.info.follow.pending).toBeNull();
    expect((await snapshot(t)).revision).toBe(revision + 1);

    // A third version, rejected: the same content fetched again stays rejected.
    server.set(baseEvents());
    const third = await fetchNow(t);
    expect(third.result.outcome).toBe('held');
    const rej = await t.api('POST', ROUTES.programReject, { hash: third.info.follow.pending.hash });
    expect(rej.status).toBe(200);
    await t.api('POST', ROUTES.programFollow, { source: `${server.url}?again` });
    const again = await settled(t);
    expect(again.follow.lastResult.text).toMatch(/rejected/);
    expect(again.follow.pending).toBeNull();
    expect((await snapshot(t)).revision).toBe(revision + 1);
  });

  it('a damaged stored version on restart falls back to the one before it, saying so', async () => {
    server = await scheduleServer(baseEvents());
    t = await testHost({ follow: server.url, everyMs: 3_600_000, followTimeoutMs: 500 });
    await settled(t);
    server.set(secondVersion());
    await fetchNow(t);
    const last = (await snapshot(t)).overrides.at(-1);
    writeFileSync(join(t.dataDir, 'programs', `${last.hash}.json`), '{"damaged": true}');
    await t.api('POST', ROUTES.programFollow, { paused: true });
    await t.restart({ follow: undefined, everyMs: undefined });
    const snap = await snapshot(t);
    expect(snap.program.sessions.map((s: Json) => s.title)).toContain('Talk number 3');
    expect(t.lines.join('\n')).toMatch(
      /revision \d+ .* cannot be used, the version before it stays: .*does not match its name/,
    );
  });
});

describe('following a file and uploading one', () => {
  it('a file: a new version when it changes, "not modified" while its size and time stay', async () => {
    t = await testHost({ everyMs: 3_600_000 });
    const file = join(t.dataDir, 'schedule.xml');
    writeFileSync(file, frabXml(baseEvents()));
    t.lines.length = 0;
    await t.restart({ follow: file });
    expect((await settled(t)).follow.lastResult.outcome).toBe('published');
    expect((await fetchNow(t)).result.outcome).toBe('not-modified');
    writeFileSync(file, frabXml(secondVersion()));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect((await fetchNow(t)).result.text).toMatch(/1 session moved, 1 new, 1 removed, 1 retitled/);
    expect(readdirSync(join(t.dataDir, 'programs'))).toHaveLength(2);
  });

  it('an upload is taken once; a bad one is refused with its reason and changes nothing', async () => {
    t = await testHost();
    const before = (await snapshot(t)).revision;
    const upload = async (name: string, body: string) => {
      const res = await fetch(`${t!.host.url}${ROUTES.programUpload}?name=${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t!.host.token}`, 'content-type': 'application/xml' },
        body,
      });
      return { status: res.status, json: (await res.json()) as Json };
    };
    const bad = await upload('error.html', '<!DOCTYPE html><html><body>Login</body></html>');
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/error\.html: .*HTML page/);
    expect((await snapshot(t)).revision).toBe(before);
    const good = await upload('schedule.xml', frabXml(baseEvents()));
    expect(good.status).toBe(200);
    expect(good.json.result.outcome).toBe('published');
    expect((await snapshot(t)).overrides.at(-1)).toMatchObject({ type: 'program', source: 'schedule.xml' });
    expect((await t.api('POST', ROUTES.programFetch)).status).toBe(409);
  });

  it('a version that imports with warnings keeps them with its result, as `hallway check` says them', async () => {
    t = await testHost();
    const file = join(__dirname, '../../../fixtures/schedules/free-form.schedule.xml');
    const text = readFileSync(file, 'utf8');
    const { notes } = await readProgramText(text, 'free-form.schedule.xml');
    expect(notes.length).toBeGreaterThan(0);
    const res = await fetch(`${t.host.url}${ROUTES.programUpload}?name=free-form.schedule.xml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.host.token}`, 'content-type': 'application/xml' },
      body: text,
    });
    const json = (await res.json()) as Json;
    expect(res.status, JSON.stringify(json)).toBe(200);
    expect(json.result.warnings).toEqual(notes);
    expect((await settled(t)).follow.lastResult.warnings).toEqual(notes);
  });

  it('reads a source whose times name no zone in the zone staff set, and refuses one that is no zone', async () => {
    t = await testHost();
    const sessionize = readFileSync(
      join(__dirname, '../../../fixtures/schedules/sessionize-all-data.json'),
      'utf8',
    );
    const upload = async (zone?: string) => {
      const q = new URLSearchParams({ name: 'sessionize.json', ...(zone !== undefined ? { zone } : {}) });
      const res = await fetch(`${t!.host.url}${ROUTES.programUpload}?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t!.host.token}`, 'content-type': 'application/json' },
        body: sessionize,
      });
      return { status: res.status, json: (await res.json()) as Json };
    };
    const firstStart = async () => (await snapshot(t!)).program.sessions[0].start as string;

    // No zone anywhere: read as UTC, and the warning asks for one.
    const utc = await upload();
    expect(utc.status, JSON.stringify(utc.json)).toBe(200);
    expect(utc.json.result.warnings.join('\n')).toMatch(/names no time zone.*pass --zone/);
    expect(await firstStart()).toMatch(/\+00:00$/);

    const zurich = await upload('Europe/Zurich');
    expect(zurich.status, JSON.stringify(zurich.json)).toBe(200);
    expect(zurich.json.info.follow.zone).toBe('Europe/Zurich');
    expect(await firstStart()).toMatch(/\+0[12]:00$/);

    const mars = await upload('Mars/Olympus');
    expect(mars.status).toBe(400);
    expect(mars.json.error).toMatch(/^zone: "Mars\/Olympus" is not an IANA time zone/);
    const bad = await t.api('POST', ROUTES.programFollow, { zone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^zone: /);
    // Refusals changed nothing; "" goes back to the file's own zone.
    expect((await settled(t)).follow.zone).toBe('Europe/Zurich');
    const cleared = await t.api('POST', ROUTES.programFollow, { zone: '' });
    expect(cleared.json.follow.zone).toBeNull();
  });

  it('the routes need the admin token, and a source must be an http(s) URL', async () => {
    t = await testHost();
    expect((await t.api('GET', ROUTES.program, undefined, null)).status).toBe(401);
    const bad = await t.api('POST', ROUTES.programFollow, { source: '/etc/passwd' });
    expect(bad.status).toBe(400);
    expect(bad.json.problems[0]).toMatchObject({ path: 'source', message: expect.stringMatching(/http/) });
  });
});
