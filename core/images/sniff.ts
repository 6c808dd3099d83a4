/**
 * What an uploaded file is, by its first bytes (never its name or the Content-Type it was sent
 * with), and its pixel size from its header. Only raster formats every screen engine paints are
 * taken; SVG is refused: it is a document that can carry scripts and links, and a sanitiser is
 * one more parser between an upload and every screen.
 */
export type ImageExt = 'png' | 'jpg' | 'webp' | 'gif';

export type Sniffed =
  { ok: true; ext: ImageExt; mime: string; width: number; height: number } | { ok: false; reason: string };

export const IMAGE_MIME: Record<ImageExt, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

const ACCEPTED = 'PNG, JPEG, WebP or GIF';

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

function ok(ext: ImageExt, width: number, height: number): Sniffed {
  if (!(width > 0 && height > 0))
    return {
      ok: false,
      reason: `the ${ext.toUpperCase()} header gives no size (${width}×${height}): the file is damaged`,
    };
  return { ok: true, ext, mime: IMAGE_MIME[ext], width, height };
}

function png(b: Uint8Array): Sniffed {
  // Signature, then the IHDR chunk first: length, "IHDR", width, height (big-endian).
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR')
    return { ok: false, reason: 'a PNG without its IHDR header: the file is cut short or damaged' };
  return ok('png', u32be(b, 16), u32be(b, 20));
}

function jpeg(b: Uint8Array): Sniffed {
  // Markers from the start of image: the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC) holds the size.
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff)
      return { ok: false, reason: `a JPEG with a broken marker at byte ${i}: the file is damaged` };
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return ok('jpg', u16be(b, i + 7), u16be(b, i + 5));
    if (marker === 0xd9 || marker === 0xda) break;
    i += 2 + u16be(b, i + 2);
  }
  return {
    ok: false,
    reason: 'a JPEG without a frame header (no size found): the file is cut short or damaged',
  };
}

function webp(b: Uint8Array): Sniffed {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8X' && b.length >= 30) return ok('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === 'VP8 ' && b.length >= 30) return ok('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return ok('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  return { ok: false, reason: 'a WebP without a VP8/VP8L/VP8X header: the file is cut short or damaged' };
}

function gif(b: Uint8Array): Sniffed {
  if (b.length < 10) return { ok: false, reason: 'a GIF cut short before its size' };
  return ok('gif', u16le(b, 6), u16le(b, 8));
}

export function sniffImage(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length === 0) return { ok: false, reason: `the file is empty: upload a ${ACCEPTED} image` };
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a)
    return png(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return webp(b);
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return gif(b);
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(b.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<') && head.includes('<svg')))
    return {
      ok: false,
      reason: `SVG is refused: an SVG can carry scripts and links that would run on every screen; export it as PNG (or WebP) and upload that`,
    };
  return {
    ok: false,
    reason: `not an image Hallway takes (its first bytes are no ${ACCEPTED}): upload a ${ACCEPTED} file`,
  };
}
