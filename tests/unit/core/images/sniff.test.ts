import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../../core/images/sniff.js';
import { gifHeader, jpegHeader, png, pngHeader, webpHeader, webpXHeader } from './images.js';

describe('sniffImage', () => {
  it.each<[string, Buffer, string, number, number]>([
    ['a PNG', png(3, 2), 'png', 3, 2],
    ['a PNG header', pngHeader(1920, 1080), 'png', 1920, 1080],
    ['a JPEG', jpegHeader(640, 480), 'jpg', 640, 480],
    ['a GIF', gifHeader(300, 100), 'gif', 300, 100],
    ['a lossless WebP', webpHeader(512, 256), 'webp', 512, 256],
    ['an extended WebP', webpXHeader(5000, 20), 'webp', 5000, 20],
  ])('reads %s by its bytes', (_what, bytes, ext, width, height) => {
    expect(sniffImage(bytes)).toMatchObject({ ok: true, ext, width, height });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['nothing', new Uint8Array(0), /^the file is empty/],
    ['text', Buffer.from('hello, world'), /^not an image Hallway takes .*PNG, JPEG, WebP or GIF/],
    ['an HTML page named .png', Buffer.from('<!doctype html><script>alert(1)</script>'), /^not an image/],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      /^SVG is refused: .*scripts/,
    ],
    ['an SVG with an XML prolog', Buffer.from('\uFEFF<?xml version="1.0"?>\n<svg></svg>'), /^SVG is refused/],
    ['a PNG cut short', png(3, 2).subarray(0, 12), /^a PNG without its IHDR header/],
    ['a PNG of no pixels', pngHeader(0, 10), /gives no size \(0×10\)/],
    [
      'a JPEG without a frame',
      Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]),
      /^a JPEG without a frame header/,
    ],
    ['a GIF cut short', Buffer.from('GIF89a'), /^a GIF cut short/],
    [
      'a WebP without a header',
      Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPABCD'), Buffer.alloc(20)]),
      /^a WebP without/,
    ],
  ])('refuses %s with the reason', (_what, bytes, reason) => {
    const r = sniffImage(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
