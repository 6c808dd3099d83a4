import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrLink } from '../../../../renderer/lib/qr-link.js';
import { qrShape } from '../../../../renderer/lib/qr.js';

describe('qrLink', () => {
  it.each([
    ['https://fahrplan.events.ccc.de/congress/2018/Fahrplan/events/9723.html', true],
    ['http://example.org/talk', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → a code: %s', (url, yes) => {
    expect(qrLink(url) !== null).toBe(yes);
  });
});

describe('qrShape', () => {
  it('draws one unit square per dark module, inside a quiet zone', () => {
    const text = 'https://example.org/a';
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const dark = Array.from(modules.data).filter(Boolean).length;
    const shape = qrShape(text, 2);
    expect(shape.size).toBe(modules.size + 4);
    const squares = [...shape.d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)];
    expect(squares).toHaveLength(dark);
    const coords = squares.flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...coords)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...coords)).toBeLessThan(modules.size + 2);
  });
});
