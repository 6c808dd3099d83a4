import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';
import { JournalEvent, ROUTES } from '../../../../core/protocol/index.js';
import { HostClock, REAL_CLOCK } from '../../../../electron/host/clock.js';
import { Journal } from '../../../../electron/host/journal.js';
import { journalPathIn } from '../../../../electron/host/journal-file.js';
import { ScreenRegistry } from '../../../../electron/host/screens.js';
import { createApp } from '../../../../electron/host/server.js';
import { HIGH_WATER } from '../../../../electron/host/sse-sink.js';
import { HostState } from '../../../../electron/host/state.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/host/static.js';
import { FIXTURE_PROGRAM, tempDir } from './helpers.js';

/** An app on a fresh journal (no server: app.request streams through a web ReadableStream). */
function streams(streamStallMs: number) {
  const dir = tempDir('hallway-backpressure-');
  const parsed = parseProgram(JSON.parse(readFileSync(FIXTURE_PROGRAM, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const journal = new Journal(journalPathIn(dir));
  // The host's real time as the test sets it: each event carries it from when it was serialized.
  const real = { ms: Date.parse('2026-12-01T10:00:00Z') };
  const state = new HostState(parsed.program, journal, new HostClock(REAL_CLOCK, () => real.ms));
  const lines: string[] = [];
  const made = createApp({
    state,
    screens: new ScreenRegistry(),
    token: () => 'x'.repeat(32),
    rendererDir: dir,
    log: (l) => lines.push(l),
    keepaliveMs: 20,
    limits: { streamStallMs },
  });
  return { ...made, state, lines, real, close: () => (made.streams.closeAll(), journal.close()) };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Appends `n` announcements of ~500 bytes each, in separate turns as the API makes them. */
async function post(state: HostState, n: number) {
  for (let i = 1; i <= n; i++) {
    state.acceptOverride({ kind: 'announce', text: `notice ${i} ${'·'.repeat(400)}` });
    await new Promise((r) => setImmediate(r));
  }
}

async function readAll(body: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return { text, reader };
}

const revisions = (text: string) =>
  [...text.matchAll(/^event: journal\ndata: (.*)$/gm)].map(
    (m) => JournalEvent.parse(JSON.parse(m[1]!)).entry.revision,
  );

describe('a stream whose client reads nothing', () => {
  it('is sent no more than a buffer while full, and gets every entry in order from the journal once it reads', async () => {
    const s = streams(60_000);
    cleanup = s.close;
    const res = await s.app.request(ROUTES.events);
    await post(s.state, 200);
    const postedAt = s.real.ms;
    s.real.ms += 60_000;
    const { text, reader } = await readAll(res.body!, (t) => revisions(t).at(-1) === 200);
    const events = [...text.matchAll(/^event: journal\ndata: (.*)$/gm)].map((m) =>
      JournalEvent.parse(JSON.parse(m[1]!)),
    );
    expect(events.map((e) => e.entry.revision)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Serialized while nobody read: a buffer's worth (frames of ~600 bytes), not all 200; the
    // rest came from the journal once the reader took them.
    const early = events.filter((e) => e.clock.hostReal === postedAt).length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(Math.ceil(HIGH_WATER / 500) + 1);
    expect(s.lines.filter((l) => l.startsWith('stream:'))).toEqual([]);
    await reader.cancel();
  });

  it('is closed after the stall limit, saying why, and frees its slot', async () => {
    const s = streams(100);
    cleanup = s.close;
    const res = await s.app.request(ROUTES.events);
    await post(s.state, 3 * Math.ceil(HIGH_WATER / 500));
    await expect.poll(() => s.streams.open, { timeout: 5_000 }).toBe(0);
    expect(s.lines.find((l) => l.startsWith('stream:'))).toMatch(
      /^stream: closed an event stream of unknown: it took nothing for \d+ s \(its buffer full at revision \d+\); a screen that is alive reconnects and resumes$/,
    );
    // What it was sent before it stalled is still readable, then the stream ends.
    const { text } = await readAll(res.body!, () => false);
    expect(revisions(text)[0]).toBe(1);
  });
});

describe('the stream head', () => {
  it('carries the security headers and is an uncached event stream', async () => {
    const s = streams(60_000);
    cleanup = s.close;
    const res = await s.app.request(ROUTES.events);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const { text, reader } = await readAll(res.body!, (t) => t.includes('\n\n'));
    expect(text).toMatch(/^event: hello\ndata: \{.*\}\nretry: 1000\n\n/);
    await reader.cancel();
  });
});
