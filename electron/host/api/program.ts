import { Hono } from 'hono';
import { FollowInput, PendingChoice, ROUTES } from '../../../core/protocol/index.js';
import { FOLLOW_MAX_BYTES, type Follower } from '../follow.js';
import { Refusal } from '../state.js';
import { type AdminAuth, readBody, readCapped, refuse, requireToken } from './http.js';

/** The followed source and its versions (issue #12). Admin only: a source decides what every screen shows. */
export function programRoutes(follower: Follower, adminAuth: AdminAuth): Hono {
  const app = new Hono();
  const auth = requireToken(adminAuth);
  const answerRefusal = (c: Parameters<typeof refuse>[0], e: unknown) => {
    if (e instanceof Refusal) return refuse(c, e.status, e.message);
    throw e;
  };

  app.get(ROUTES.program, auth, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(follower.info());
  });

  app.post(ROUTES.programFollow, auth, async (c) => {
    const body = await readBody(c, FollowInput, 'the follow settings');
    if (!body.ok) return body.response;
    try {
      follower.configure(body.value);
    } catch (e) {
      return answerRefusal(c, e);
    }
    return c.json(follower.info());
  });

  app.post(ROUTES.programFetch, auth, async (c) => {
    try {
      const result = await follower.fetchNow();
      return c.json({ result, info: follower.info() });
    } catch (e) {
      return answerRefusal(c, e);
    }
  });

  // The file itself is the body (any type: XML, JSON, iCalendar), its name in ?name=, and the
  // venue zone for a file that names none in ?zone= ("" for the file's own).
  app.post(ROUTES.programUpload, auth, async (c) => {
    const name = (c.req.query('name') ?? 'uploaded file').trim().slice(0, 200) || 'uploaded file';
    const bytes = await readCapped(c.req.raw, FOLLOW_MAX_BYTES);
    if (bytes === null) return refuse(c, 413, `the file is larger than ${FOLLOW_MAX_BYTES} bytes`);
    if (bytes.length === 0) return refuse(c, 400, 'the upload is empty: send the schedule file as the body');
    let result;
    try {
      result = await follower.upload(
        name,
        new TextDecoder('utf-8').decode(bytes),
        c.req.query('zone')?.trim(),
      );
    } catch (e) {
      return answerRefusal(c, e);
    }
    if (result.outcome === 'failed')
      return refuse(c, 400, `${name}: ${result.text}`, [{ path: 'file', message: result.text }]);
    return c.json({ result, info: follower.info() });
  });

  for (const [route, choose] of [
    [ROUTES.programApprove, (h: string) => follower.approve(h)],
    [ROUTES.programReject, (h: string) => follower.reject(h)],
  ] as const)
    app.post(route, auth, async (c) => {
      const body = await readBody(c, PendingChoice, 'the choice');
      if (!body.ok) return body.response;
      try {
        return c.json({ result: choose(body.value.hash), info: follower.info() });
      } catch (e) {
        return answerRefusal(c, e);
      }
    });

  return app;
}
