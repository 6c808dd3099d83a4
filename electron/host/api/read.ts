import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { FRAME_PARAM, ROUTES, type Problem } from '../../../core/protocol/index.js';
import { dayCut, dayWindow, frameCut } from '../../../core/schedule/day.js';
import { lobby } from '../../../core/schedule/lobby.js';
import { nowNext } from '../../../core/schedule/now-next.js';
import { parseInstant } from '../../../core/time/venue.js';
import type { HostState } from '../state.js';
import { problemsText, refuse } from './http.js';

const MAX_LOBBY_SPAN_DAYS = 7;
const MAX_LOBBY_SPAN_MS = MAX_LOBBY_SPAN_DAYS * 24 * 3600_000;

/** Query instants: each bad one becomes a problem naming its parameter. */
function instants<K extends string>(
  query: (name: string) => string | undefined,
  names: readonly K[],
  problems: Problem[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const name of names) {
    const raw = query(name);
    if (raw === undefined || raw === '') continue;
    try {
      out[name] = parseInstant(raw);
    } catch (e) {
      problems.push({ path: name, message: (e as Error).message });
    }
  }
  return out;
}

/** Snapshot, now/next, lobby and health: what screens and tools read. No token needed. */
export function readRoutes(state: HostState, hosts: () => string[] | null = () => null): Hono {
  const app = new Hono();
  // The parts of a snapshot that change only with the revision, serialized once per revision.
  let cached: { revision: number; json: string } | null = null;
  // The lobby's day cut, the same for every board until the revision or the day changes.
  let lobbyDay: { key: string; json: string } | null = null;

  app.get(ROUTES.snapshot, (c) => {
    const eff = state.effective();
    if (cached?.revision !== eff.revision) {
      const json = [
        `"revision":${eff.revision}`,
        `"program":${JSON.stringify(eff.program)}`,
        `"overrides":${JSON.stringify(state.journal.entries)}`,
        `"rooms":${JSON.stringify(eff.program.rooms)}`,
        `"problems":${JSON.stringify(eff.problems)}`,
        `"journal":${JSON.stringify(state.journal.id)}`,
        `"settings":${JSON.stringify(state.settings.current().settings)}`,
      ].join(',');
      cached = { revision: eff.revision, json };
    }
    c.header('Cache-Control', 'no-store');
    const peers = hosts();
    const listed = peers ? `,"hosts":${JSON.stringify(peers)}` : '';
    return c.body(`{${cached.json}${listed},"clock":${JSON.stringify(state.clockInfo())}}`, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    });
  });

  // What a screen paints first: the day on screen, not the whole program (35C3: 1/4 of it); with
  // ?room= all a room screen ever fetches (35C3: 68 KB, 11 KB gzipped).
  app.get(ROUTES.day, compress(), (c) => {
    const problems: Problem[] = [];
    const room = c.req.query('room') || undefined;
    const frame = c.req.query(FRAME_PARAM.name) === FRAME_PARAM.value;
    if (frame && room !== undefined)
      problems.push({
        path: FRAME_PARAM.name,
        message: `"${FRAME_PARAM.value}" is for a screen with no room: leave out room`,
      });
    const t = instants((n) => c.req.query(n), ['at'] as const, problems);
    if (problems.length) return refuse(c, 400, `bad query: ${problemsText(problems)}`, problems);
    const eff = state.effective();
    if (room !== undefined && !eff.program.rooms.some((r) => r.id === room))
      return refuse(
        c,
        404,
        `unknown room "${room}": the rooms are ${eff.program.rooms.map((r) => r.id).join(', ')}`,
        [{ path: 'room', message: 'is not a room of this program' }],
      );
    const at = t.at ?? state.clock.now();
    c.header('Cache-Control', 'no-store');
    if (!frame && room === undefined) {
      const w = dayWindow(eff.program, at);
      const key = `${eff.revision}|${w.from}|${w.until}`;
      if (lobbyDay?.key !== key) {
        const cut = dayCut(eff.program, at);
        const json = [
          `"revision":${eff.revision}`,
          `"program":${JSON.stringify(cut.program)}`,
          `"overrides":[]`,
          `"rooms":${JSON.stringify(eff.program.rooms)}`,
          `"problems":${JSON.stringify(eff.problems)}`,
          `"journal":${JSON.stringify(state.journal.id)}`,
          `"partial":${JSON.stringify(cut.window)}`,
          `"settings":${JSON.stringify(state.settings.current().settings)}`,
        ].join(',');
        lobbyDay = { key, json };
      }
      const peers = hosts();
      const listed = peers ? `,"hosts":${JSON.stringify(peers)}` : '';
      return c.body(`{${lobbyDay.json}${listed},"clock":${JSON.stringify(state.clockInfo())}}`, 200, {
        'Content-Type': 'application/json; charset=UTF-8',
      });
    }
    const cut = frame ? frameCut(eff.program, at) : dayCut(eff.program, at, room);
    return c.json({
      revision: eff.revision,
      program: cut.program,
      overrides: [],
      rooms: eff.program.rooms,
      problems: eff.problems,
      journal: state.journal.id,
      partial: cut.window,
      ...(hosts() ? { hosts: hosts() } : {}),
      settings: state.settings.current().settings,
      clock: state.clockInfo(),
    });
  });

  app.get(ROUTES.nowNext, (c) => {
    const problems: Problem[] = [];
    const room = c.req.query('room');
    if (!room) problems.push({ path: 'room', message: 'is required: give a room id, like ?room=winchester' });
    const t = instants((n) => c.req.query(n), ['at'] as const, problems);
    if (problems.length) return refuse(c, 400, `bad query: ${problemsText(problems)}`, problems);
    const { program } = state.effective();
    if (!program.rooms.some((r) => r.id === room))
      return refuse(
        c,
        404,
        `unknown room "${room}": the rooms are ${program.rooms.map((r) => r.id).join(', ')}`,
        [{ path: 'room', message: 'is not a room of this program' }],
      );
    c.header('Cache-Control', 'no-store');
    return c.json(nowNext(program, room as string, t.at ?? state.clock.now()));
  });

  app.get(ROUTES.lobby, (c) => {
    const problems: Problem[] = [];
    const t = instants((n) => c.req.query(n), ['at', 'from', 'until'] as const, problems);
    if (t.from !== undefined && t.until !== undefined && t.until <= t.from)
      problems.push({ path: 'until', message: 'must be after from' });
    // A grid row is built per half hour: an unbounded window would hold the host (and every
    // screen's stream) for seconds, or exhaust its memory.
    const at = t.at ?? state.clock.now();
    for (const name of ['from', 'until'] as const) {
      const v = t[name];
      if (v !== undefined && Math.abs(v - at) > MAX_LOBBY_SPAN_MS)
        problems.push({ path: name, message: `must be within ${MAX_LOBBY_SPAN_DAYS} days of at` });
    }
    if (problems.length) return refuse(c, 400, `bad query: ${problemsText(problems)}`, problems);
    const opts: { from?: number; until?: number } = {};
    if (t.from !== undefined) opts.from = t.from;
    if (t.until !== undefined) opts.until = t.until;
    c.header('Cache-Control', 'no-store');
    return c.json(lobby(state.effective().program, at, opts));
  });

  app.get(ROUTES.health, (c) => c.json({ ok: true, revision: state.revision }));

  return app;
}
