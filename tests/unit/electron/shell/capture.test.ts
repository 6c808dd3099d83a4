import { describe, expect, it } from 'vitest';
import { type Capturable, captureWindows } from '../../../../electron/shell/capture.js';

// A window as much as the capture uses of Electron's (electron.d.ts types the real one).
const fakeWindow = (png: number[], opts: { destroyed?: boolean; empty?: boolean } = {}) => {
  const calls = { captures: 0 };
  const win = {
    isDestroyed: () => opts.destroyed ?? false,
    webContents: {
      capturePage: () => {
        calls.captures++;
        return Promise.resolve({ isEmpty: () => opts.empty ?? false, toPNG: () => Buffer.from(png) });
      },
    },
  } as unknown as Capturable;
  return { win, calls };
};

describe('captureWindows', () => {
  it.each([
    ['a window of this shell', 'host/door', { destroyed: false }, [0x89, 0x50]],
    ['a browser screen (no window here)', 'browser-1', { destroyed: false }, null],
    ['a window closed meanwhile', 'host/door', { destroyed: true }, null],
    ['a window with nothing painted yet', 'host/door', { empty: true }, null],
  ] as const)('%s', async (_, name, opts, want) => {
    const { win, calls } = fakeWindow([0x89, 0x50], opts);
    const capture = captureWindows((s) => (s === 'host/door' ? win : undefined));
    const got = await capture(name);
    expect(got === null ? null : [...got]).toEqual(want);
    expect(calls.captures).toBe(name === 'host/door' && !('destroyed' in opts && opts.destroyed) ? 1 : 0);
  });
});
