import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { BEARER, type Problem } from '../../../core/protocol/index.js';
import { type AuthGuard, sameSecret } from '../auth.js';
import { plainAddress } from '../limits.js';
import { zodProblems } from '../problems.js';
import { readCapped } from '../read-capped.js';

export { readCapped };

/** A 4xx answer in the protocol's ApiError shape. */
export function refuse(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 429 | 503,
  error: string,
  problems: Problem[] = [],
) {
  return c.json({ error, problems }, status);
}

/** A refusal the client should retry later: 429 or 503 with `Retry-After` (seconds). */
export function refuseFor(c: Context, status: 429 | 503, seconds: number, error: string) {
  c.header('Retry-After', String(Math.max(1, Math.ceil(seconds))));
  return refuse(c, status, error);
}

/** The client's address as its socket gives it ('unknown' under app.request in tests). */
export function clientAddress(c: Context): string {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? plainAddress(address) : 'unknown';
  } catch {
    return 'unknown';
  }
}

const MAX_BODY = 256 * 1024;

/**
 * The request's JSON body parsed with `schema`, or the 4xx Response saying what is wrong:
 * 415 for another content type, 400 for bad JSON or every schema problem with its field.
 * `empty` is what an absent body means (for bodiless POSTs such as revert).
 */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  what: string,
  empty?: unknown,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY)
    return { ok: false, response: refuse(c, 413, `${what} is larger than ${MAX_BODY} bytes`) };
  const bytes = await readCapped(c.req.raw, MAX_BODY);
  if (bytes === null)
    return { ok: false, response: refuse(c, 413, `${what} is larger than ${MAX_BODY} bytes`) };
  let text: string;
  try {
    // Strict: a lenient decode would store U+FFFD in place of the bytes it could not read.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      response: refuse(c, 400, `${what} is not valid UTF-8: send the JSON encoded as UTF-8`),
    };
  }
  let json: unknown;
  if (text.trim() === '' && empty !== undefined) json = empty;
  else {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type))
      return {
        ok: false,
        response: refuse(
          c,
          415,
          `${what} must be sent as application/json (got ${type ? `"${type}"` : 'no content type'})`,
        ),
      };
    if (bytes.length > MAX_BODY)
      return { ok: false, response: refuse(c, 413, `${what} is larger than ${MAX_BODY} bytes`) };
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, response: refuse(c, 400, `body is not valid JSON: ${(e as Error).message}`) };
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error);
    return {
      ok: false,
      response: refuse(c, 400, `${what} is not valid: ${problemsText(problems)}`, problems),
    };
  }
  return { ok: true, value: parsed.data };
}

export const problemsText = (problems: readonly Problem[]): string =>
  problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ');

/** What the admin routes check: the current token, and who has guessed wrong too often. */
export interface AdminAuth {
  token: () => string;
  guard: AuthGuard;
}

/**
 * Admin routes: `Authorization: Bearer <token>` or 401; an address that sent too many wrong
 * tokens gets 429 with Retry-After (whatever it sends) until its backoff ends.
 */
export function requireToken(auth: AdminAuth): MiddlewareHandler {
  return async (c, next) => {
    const address = clientAddress(c);
    const wait = auth.guard.lockedFor(address);
    if (wait > 0)
      return refuseFor(
        c,
        429,
        wait,
        `too many wrong admin tokens from ${address}: try again in ${wait} s (use the token \`hallway token\` prints)`,
      );
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith(BEARER) ? header.slice(BEARER.length).trim() : null;
    if (given === null || !sameSecret(given, auth.token())) {
      // A missing token is no guess; a wrong one counts towards the backoff.
      if (header) auth.guard.failed(address);
      c.header('WWW-Authenticate', 'Bearer realm="hallway"');
      return refuse(
        c,
        401,
        header
          ? 'the admin token is wrong: use the one `hallway token` prints (or the admin URL the host printed)'
          : 'this needs the admin token: send Authorization: Bearer <token> (`hallway token` prints it)',
      );
    }
    auth.guard.succeeded(address);
    await next();
  };
}
