import { Hono } from 'hono';
import { OverrideInput, overrideProblems } from '../../../core/overrides/schema.js';
import { ClockInput, RevertInput, ROUTES } from '../../../core/protocol/index.js';
import type { HostState } from '../state.js';
import { type AdminAuth, problemsText, readBody, refuse, requireToken } from './http.js';
import { journalFailures } from './journal-failure.js';

/** Staff's changes: overrides, reverts, the clock. Every one needs the admin token. */
export function writeRoutes(state: HostState, adminAuth: AdminAuth, log: (line: string) => void): Hono {
  const app = new Hono();
  const auth = requireToken(adminAuth);
  const { answer: answerFailure, written } = journalFailures(log);

  app.post(ROUTES.overrides, auth, async (c) => {
    const body = await readBody(c, OverrideInput, 'the override');
    if (!body.ok) return body.response;
    const problems = overrideProblems(body.value);
    if (problems.length)
      return refuse(c, 400, `the override is not valid: ${problemsText(problems)}`, problems);
    try {
      const entry = await state.acceptOverride(body.value);
      written();
      return c.json({ id: entry.revision, revision: entry.revision }, 201);
    } catch (e) {
      return answerFailure(c, e);
    }
  });

  app.post(ROUTES.revertPattern, auth, async (c) => {
    const raw = c.req.param('id');
    if (!/^[1-9]\d{0,15}$/.test(raw))
      return refuse(
        c,
        400,
        `"${raw.slice(0, 40)}" is not an override id: use the id POST /api/overrides answered`,
        [{ path: 'id', message: 'must be a positive whole number' }],
      );
    const body = await readBody(c, RevertInput, 'the revert', {});
    if (!body.ok) return body.response;
    try {
      const entry = await state.revert(Number(raw), body.value);
      written();
      return c.json({ id: Number(raw), revision: entry.revision }, 201);
    } catch (e) {
      return answerFailure(c, e);
    }
  });

  app.post(ROUTES.clock, auth, async (c) => {
    const body = await readBody(c, ClockInput, 'the clock change');
    if (!body.ok) return body.response;
    try {
      const entry = await state.changeClock(body.value);
      written();
      return c.json({ revision: entry.revision, clock: state.clockInfo() });
    } catch (e) {
      return answerFailure(c, e);
    }
  });

  return app;
}
