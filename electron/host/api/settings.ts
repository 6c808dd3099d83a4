import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { ROUTES, type SettingsInfo } from '../../../core/protocol/index.js';
import { parseSettings, settingsProblemsText, settingsWarnings } from '../../../core/settings/parse.js';
import type { HostState } from '../state.js';
import { type AdminAuth, readBody, refuse, requireToken } from './http.js';
import { journalFailures } from './journal-failure.js';

/** GET the screens' settings (no token: every screen has them in its snapshot), PUT them (token). */
export function settingsRoutes(state: HostState, adminAuth: AdminAuth, log: (line: string) => void): Hono {
  const app = new Hono();
  const failures = journalFailures(log);
  const info = (c: Context, status: 200 | 201 = 200) => {
    const { revision, settings } = state.settings.current();
    c.header('Cache-Control', 'no-store');
    return c.json(
      { revision, settings, warnings: settingsWarnings(settings) } satisfies SettingsInfo,
      status,
    );
  };

  app.get(ROUTES.settings, (c) => info(c));

  app.put(ROUTES.settings, requireToken(adminAuth), async (c) => {
    const body = await readBody(c, z.unknown(), 'the settings document');
    if (!body.ok) return body.response;
    const parsed = parseSettings(body.value);
    if (!parsed.ok)
      return refuse(
        c,
        400,
        `the settings are not valid, nothing was changed: ${settingsProblemsText(parsed.problems)}`,
        parsed.problems,
      );
    try {
      await state.settings.put(parsed.settings, state.nowIso());
      failures.written();
    } catch (e) {
      return failures.answer(c, e);
    }
    return info(c, 201);
  });

  return app;
}
