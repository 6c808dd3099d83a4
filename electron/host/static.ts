import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { SCREEN_PAGE, PAGES } from '../../core/protocol/index.js';

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

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
};

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

export const rendererBuilt = (dir: string): boolean =>
  ['room.html', 'lobby.html', 'admin.html'].every((f) => existsSync(join(dir, f)));

const NOT_BUILT = (dir: string) =>
  `The screens are not built (nothing at ${dir}).\n` +
  'Build them with `npm run build:renderer`, or start the host with `hallway serve`, which builds them once.\n';

/** Pages at /room/:id, /lobby, /admin; files under /assets and the renderer's top level. */
export function staticRoutes(rendererDir: string): Hono {
  const root = resolve(rendererDir);
  const app = new Hono();

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
      if (!(await stat(full)).isFile()) return c.notFound();
      const body = await readFile(full);
      return c.body(body, 200, {
        'Content-Type': TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    } catch {
      return c.notFound();
    }
  };

  app.get('/', (c) => c.redirect(PAGES.lobby));
  app.get('/room/:id', (c) => send(c, 'room.html', false));
  // A screen not told what to show yet: the room page asks the registry (SCREEN_PAGE).
  app.get(SCREEN_PAGE, (c) => send(c, 'room.html', false));
  app.get(PAGES.lobby, (c) => send(c, 'lobby.html', false));
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
