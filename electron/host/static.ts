import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { SCREEN_PAGE, PAGES, dayUrl, preloaded, roomPayloadUrl } from '../../core/protocol/index.js';

/**
 * The screens load only what the host serves. Svelte 5 sets dynamic styles through the CSSOM
 * (which CSP does not govern) and the build links its CSS, so `<style>` elements stay banned;
 * only style attributes written in a template (Svelte parses those from HTML) are let through.
 * frame-src/frame-ancestors 'self' let the admin page preview screens in iframes, nobody else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** On every answer; the event stream writes its own head, so it takes these from here too. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The policy with the other hosts of a cluster let in for connect-src: a screen moves to them. */
export const policyWith = (connect: readonly string[]): string =>
  connect.length
    ? CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${connect.join(' ')}`)
    : CONTENT_SECURITY_POLICY;

export const securityHeadersWith =
  (connect: () => readonly string[]): MiddlewareHandler =>
  async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    c.header('Content-Security-Policy', policyWith(connect()));
  };

export const securityHeaders: MiddlewareHandler = securityHeadersWith(() => []);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.webmanifest': 'application/manifest+json',
};

const gzipped = promisify(gzip);

/** Text worth gzipping (fonts and images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

/** The client takes gzip (`Accept-Encoding: gzip, br`), and not with q=0. */
export function takesGzip(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.find((x) => x.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A file as last read, and gzipped once (in the thread pool) for clients that take it. */
interface Kept {
  mtimeMs: number;
  size: number;
  body: Buffer<ArrayBuffer>;
  gzip?: Promise<Uint8Array<ArrayBuffer>>;
}

export const rendererBuilt = (dir: string): boolean =>
  ['room.html', 'lobby.html', 'admin.html'].every((f) => existsSync(join(dir, f)));

const NOT_BUILT = (dir: string) =>
  `The screens are not built (nothing at ${dir}).\n` +
  'Build them with `npm run build:renderer`, or start the host with `hallway serve`, which builds them once.\n';

/** Pages at /room/:id, /lobby, /admin; files under /assets and the renderer's top level. */
export function staticRoutes(rendererDir: string): Hono {
  const root = resolve(rendererDir);
  const app = new Hono();
  // Every screen loads the same few files: read and gzipped once per version on disk, not per
  // request (a cold screen's bundles were compressed anew while its page waited). A rebuild
  // changes a file's mtime or size, which reads it again.
  const kept = new Map<string, Kept>();

  const send = async (
    c: Parameters<MiddlewareHandler>[0],
    file: string,
    immutable: boolean,
    within = root,
  ) => {
    if (!rendererBuilt(root)) return c.text(NOT_BUILT(root), 503);
    const full = resolve(within, file);
    // Never outside the folder the route serves, whatever the URL says.
    if (!full.startsWith(within + sep)) return c.notFound();
    try {
      const st = await stat(full);
      if (!st.isFile()) return c.notFound();
      let file = kept.get(full);
      if (file?.mtimeMs !== st.mtimeMs || file.size !== st.size) {
        file = { mtimeMs: st.mtimeMs, size: st.size, body: await readFile(full) };
        kept.set(full, file);
      }
      const type = TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      if (file.body.length >= 1024 && COMPRESSIBLE.test(type) && takesGzip(c.req.header('Accept-Encoding'))) {
        const zipped = (file.gzip ??= gzipped(file.body).then(
          (b) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength),
        ));
        try {
          return c.body(await zipped, 200, { ...headers, 'Content-Encoding': 'gzip' });
        } catch {
          file.gzip = undefined; // tried again next time; this answer goes as it is
        }
      }
      return c.body(file.body, 200, headers);
    } catch {
      return c.notFound();
    }
  };

  app.get('/', (c) => c.redirect(PAGES.lobby));
  app.get('/room/:id', async (c) => {
    const res = await send(c, 'room.html', false);
    // The room payload is all a room screen fetches (issue 19): the browser asks for it while the
    // scripts load, and the client's first fetch (nothing cached) takes the answer. Not with `?at=`
    // (the client writes that instant its own way).
    if (res.status === 200 && c.req.query('at') === undefined)
      res.headers.set(
        'Link',
        `<${roomPayloadUrl(c.req.param('id'), { preload: true })}>; rel=preload; as=fetch; crossorigin`,
      );
    return res;
  });
  // A screen not told what to show yet: the room page asks the registry (SCREEN_PAGE).
  app.get(SCREEN_PAGE, (c) => send(c, 'room.html', false));
  app.get(PAGES.lobby, async (c) => {
    const res = await send(c, 'lobby.html', false);
    // The lobby paints the day first: fetched while its scripts load, as a room's payload is.
    if (res.status === 200 && c.req.query('at') === undefined)
      res.headers.set('Link', `<${preloaded(dayUrl())}>; rel=preload; as=fetch; crossorigin`);
    return res;
  });
  app.get(PAGES.admin, (c) => send(c, 'admin.html', false));
  app.get('/assets/*', (c) => {
    let path: string;
    try {
      path = decodeURIComponent(c.req.path.slice('/assets/'.length));
    } catch {
      return c.notFound();
    }
    return send(c, path, true, join(root, 'assets'));
  });
  // Browsers ask for it on their own; without one, say "none" instead of logging a 404 on every screen.
  app.get('/favicon.ico', (c) =>
    existsSync(join(root, 'favicon.ico')) ? send(c, 'favicon.ico', false) : c.body(null, 204),
  );
  // Top-level files of Vite's public dir (favicon and the like), never a page by its file name.
  app.get('/:file{[A-Za-z0-9._-]+\\.[A-Za-z0-9]+}', (c) => {
    const file = c.req.param('file');
    return file.endsWith('.html') ? c.notFound() : send(c, file, false);
  });

  return app;
}
