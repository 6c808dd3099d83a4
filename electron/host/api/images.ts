import { Hono } from 'hono';
import { ROUTES } from '../../../core/protocol/index.js';
import { IMAGE_LIMITS } from '../../../core/protocol/images.js';
import { IMAGE_MIME } from '../../../core/images/sniff.js';
import { type ImageStore, tooLarge } from '../images.js';
import { type AdminAuth, readCapped, refuse, refuseFor, requireToken } from './http.js';

/** POST an image (token; the file is the body), GET a stored one (same origin, cached for good). */
export function imageRoutes(images: ImageStore, adminAuth: AdminAuth, log: (line: string) => void): Hono {
  const app = new Hono();

  app.post(ROUTES.images, requireToken(adminAuth), async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > IMAGE_LIMITS.maxBytes) return refuse(c, 413, tooLarge(length));
    const bytes = await readCapped(c.req.raw, IMAGE_LIMITS.maxBytes);
    if (bytes === null) return refuse(c, 413, tooLarge(null));
    let stored;
    try {
      stored = images.save(bytes);
    } catch (e) {
      const message = `could not store the image in ${images.dir}: ${(e as Error).message}; nothing was changed`;
      log(`host: ${message}`);
      return refuseFor(c, 503, 30, message);
    }
    if (!stored.ok) return refuse(c, 415, stored.reason, [{ path: '', message: stored.reason }]);
    return c.json(stored.image, stored.created ? 201 : 200);
  });

  app.get('/images/:name', (c) => {
    const found = images.read(c.req.param('name'));
    if (!found) return c.notFound();
    // Named by their content: a name never changes what it holds.
    return c.body(new Uint8Array(found.bytes), 200, {
      'Content-Type': IMAGE_MIME[found.ext],
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  return app;
}
