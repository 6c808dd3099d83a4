import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { problemsInPage, WATCH_IN_PAGE, type Engine, type EnginePage } from './types.js';

/**
 * WebKitGTK, the engine of iPads and most smart TVs: Debian's WebKitWebDriver (W3C WebDriver)
 * driving WebKitGTK's MiniBrowser in an Xvfb display of its own (xvfb-run -a). selenium-webdriver
 * only talks to the driver at its URL, so it never looks for or downloads a driver.
 */
const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB_RUN = '/usr/bin/xvfb-run';
const INSTALL = 'apt-get install -y webkit2gtk-driver xvfb xauth';

/** MiniBrowser ships in libwebkit2gtk (its directory names the API version and architecture). */
function miniBrowser(): string | null {
  for (const base of ['/usr/lib', '/usr/libexec', ...archDirs()]) {
    if (!existsSync(base)) continue;
    for (const dir of readdirSync(base)
      .filter((d) => /^webkit2gtk-4\.\d$/.test(d))
      .sort()
      .reverse()) {
      const bin = `${base}/${dir}/MiniBrowser`;
      if (existsSync(bin)) return bin;
    }
  }
  return null;
}
const archDirs = () =>
  existsSync('/usr/lib')
    ? readdirSync('/usr/lib')
        .filter((d) => /-linux-gnu/.test(d))
        .map((d) => `/usr/lib/${d}`)
    : [];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts the driver in its own X display; resolves once it answers /status. */
async function startDriver(zone: string): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const port = await freePort();
  const log: string[] = [];
  // a screen big enough for a 1080×1920 viewport plus the window's frame
  const child = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 2400x2400x24', DRIVER, `--port=${port}`], {
    env: { ...process.env, TZ: zone },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it takes Xvfb and MiniBrowser along
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${url}/status`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return { child, url, log };
    await new Promise((r) => setTimeout(r, 100));
  }
  stopGroup(child);
  throw new Error(`WebKitWebDriver did not answer on ${url} within 10 s:\n${log.join('')}`);
}

function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

export const webkit: Engine = {
  name: 'webkit',
  missing() {
    const lacking = [DRIVER, XVFB_RUN].filter((p) => !existsSync(p));
    if (!miniBrowser()) lacking.push('MiniBrowser (libwebkit2gtk)');
    return lacking.length ? `WebKit is not installed (no ${lacking.join(', ')}): ${INSTALL}` : null;
  },
  async launch(zone) {
    const binary = miniBrowser()!;
    const { child, url } = await startDriver(zone);
    let driver: WebDriver;
    try {
      driver = await new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary, args: ['--automation'] },
        })
        .build();
    } catch (e) {
      stopGroup(child);
      throw e;
    }
    const caps = await driver.getCapabilities();
    const version = `WebKitGTK ${String(caps.get('browserVersion'))}`;
    const run = <R>(fn: (...a: never[]) => unknown, ...args: unknown[]) =>
      driver.executeScript(fn as never, ...args) as Promise<R>;
    const page: EnginePage = {
      async open(target) {
        await driver.get(target);
        await driver.executeScript(WATCH_IN_PAGE);
      },
      evaluate: (fn, ...args) => run(fn as never, ...args),
      text: (selector) =>
        run((s: string) => document.querySelector(s)?.textContent?.trim() ?? '', selector as never),
      attr: (selector, name) =>
        run(
          (s: string, n: string) => document.querySelector(s)?.getAttribute(n) ?? null,
          selector as never,
          name as never,
        ),
      async screenshot(path) {
        writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
      },
      async setViewport(width, height) {
        // WebDriver sizes the window; the viewport is that less the window's frame and toolbar
        const w = driver.manage().window();
        await w.setRect({ width, height });
        for (let i = 0; i < 3; i++) {
          const inner = await run<[number, number]>(() => [window.innerWidth, window.innerHeight]);
          if (inner[0] === width && inner[1] === height) return;
          const rect = await w.getRect();
          await w.setRect({ width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
          await new Promise((r) => setTimeout(r, 200));
        }
        const inner = await run<[number, number]>(() => [window.innerWidth, window.innerHeight]);
        if (inner[0] !== width || inner[1] !== height)
          throw new Error(`MiniBrowser's viewport stays ${inner.join('×')}, asked for ${width}×${height}`);
      },
      problems: () => run<string[]>(problemsInPage),
      async close() {
        await driver.quit().catch(() => {});
        stopGroup(child);
      },
    };
    return { version, page };
  },
};
