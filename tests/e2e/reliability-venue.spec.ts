import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config.js';
import { PAGES, ROUTES } from '../../core/protocol/index.js';

/**
 * `hallway serve --lan`: the screens and the admin over HTTPS with the self-signed certificate
 * the host made, in Chromium with that certificate pinned (its public key's hash, from the file
 * whose fingerprint the host printed), and plain HTTP for old TVs that serves no admin and takes
 * no write from another machine.
 */

const root = resolve(import.meta.dirname, '../..');

interface LanHost {
  child: ChildProcess;
  dataDir: string;
  url: string;
  port: number;
  token: string;
  fingerprint: string;
  plainPort: number;
  output: string[];
}

async function startLanHost(): Promise<LanHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallway-e2e-lan-'));
  const args = [
    'bin/hallway.mjs',
    'serve',
    '--lan',
    '--port',
    '0',
    '--screens-http-port',
    '0',
    '--data',
    dataDir,
  ];
  args.push('--clock', '2019-05-20T10:45:00-07:00', '--rate', '1');
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  return new Promise((ok, fail) => {
    const found: Partial<LanHost> = {};
    const timer = setTimeout(
      () => fail(new Error(`no admin URL within 30 s:\n${output.join('\n')}`)),
      30_000,
    );
    let buf = '';
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const fp = /SHA-256 fingerprint ([0-9A-F:]{95})/.exec(line);
        if (fp) found.fingerprint = fp[1]!;
        const plain = /also plain HTTP at http:\/\/[^\s:]+:(\d+)/.exec(line);
        if (plain) found.plainPort = Number(plain[1]);
        const admin = /admin:\s*(https:\/\/[^\s/]+:(\d+))\/admin#token=(\S+)/.exec(line);
        if (admin) {
          clearTimeout(timer);
          ok({
            ...(found as LanHost),
            child,
            dataDir,
            output,
            url: admin[1]!,
            port: Number(admin[2]),
            token: decodeURIComponent(admin[3]!),
          });
        }
      }
    });
    child.once('exit', (code) => fail(new Error(`hallway serve exited (${code}):\n${output.join('\n')}`)));
  });
}

/** One request from `localAddress`; over HTTPS it reports the served certificate's fingerprint. */
function send(
  url: string,
  o: { method?: string; body?: unknown; token?: string; localAddress?: string } = {},
): Promise<{ status: number; text: string; fingerprint?: string }> {
  const u = new URL(url);
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((ok, fail) => {
    const req = request(
      u,
      {
        method: o.method ?? 'GET',
        agent: false,
        rejectUnauthorized: false,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
      },
      (res) => {
        const socket = res.socket as TLSSocket;
        const fingerprint = socket.getPeerCertificate?.().fingerprint256;
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, text, ...(fingerprint ? { fingerprint } : {}) }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

let host: LanHost;
test.beforeAll(async () => {
  host = await startLanHost();
});
test.afterAll(async () => {
  host.child.kill('SIGTERM');
  await new Promise((r) => host.child.once('exit', r));
  rmSync(host.dataDir, { recursive: true, force: true });
});

test('the room page and the admin over https, the certificate pinned to the printed fingerprint', async () => {
  test.setTimeout(90_000);
  // The file the host serves is the one whose fingerprint it printed, and it is what it serves.
  const cert = new X509Certificate(readFileSync(join(host.dataDir, 'tls', 'cert.pem')));
  expect(cert.fingerprint256).toBe(host.fingerprint);
  const served = await send(`https://127.0.0.1:${host.port}${ROUTES.health}`);
  expect(served.fingerprint).toBe(host.fingerprint);
  // Chromium trusts exactly this key (no ignoreHTTPSErrors): another certificate would fail.
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  const browser = await chromium.launch({
    ...chromiumLaunch,
    args: [...chromiumLaunch.args, `--ignore-certificate-errors-spki-list=${spki}`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const room = await context.newPage();
    const origin = `https://127.0.0.1:${host.port}`;
    await room.goto(origin + PAGES.room('winchester'));
    const posted = await send(origin + ROUTES.overrides, {
      method: 'POST',
      token: host.token,
      body: { kind: 'announce', text: 'Over TLS: coffee in the lobby' },
    });
    expect(posted.status).toBe(201);
    await expect(room.getByText('Over TLS: coffee in the lobby')).toBeVisible({ timeout: 10_000 });

    const admin = await context.newPage();
    await admin.goto(`${origin}${PAGES.admin}#token=${encodeURIComponent(host.token)}`);
    await expect(admin.getByRole('heading', { name: /Hallway admin/ })).toBeVisible();
    await expect(admin.getByTestId('connection')).toHaveText(/Connected/, { timeout: 10_000 });
    await expect(admin.getByTestId('token-refused')).toHaveCount(0);
    console.log(
      `venue e2e: room and admin over ${origin}, certificate ${host.fingerprint} pinned by SPKI ${spki}`,
    );
  } finally {
    await browser.close();
  }
});

test('plain HTTP for old TVs: pages load; from another machine no admin and no write', async ({ page }) => {
  const plain = `http://127.0.0.1:${host.plainPort}`;
  await page.goto(plain + PAGES.room('winchester'));
  await expect(page.locator('body')).not.toHaveText('', { timeout: 10_000 });
  // This machine's LAN address as the source: to the host a client on the venue network, not
  // loopback (127.0.0.2 would count as this machine, rightly).
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  test.skip(
    !lan,
    'this machine has no LAN address to send from; tests/unit/electron/host/host-check.test.ts covers it',
  );
  const fromLan = { localAddress: lan!, token: host.token };
  const write = await send(`http://${lan}:${host.plainPort}${ROUTES.overrides}`, {
    ...fromLan,
    method: 'POST',
    body: { kind: 'alert', text: 'in clear' },
  });
  const adminPage = await send(`http://${lan}:${host.plainPort}${PAGES.admin}`, fromLan);
  const snapshot = await send(`http://${lan}:${host.plainPort}${ROUTES.snapshot}`, fromLan);
  console.log(
    `venue e2e: plain HTTP from ${lan}: POST override → ${write.status}, GET /admin → ${adminPage.status}, snapshot → ${snapshot.status}`,
  );
  expect(write.status).toBe(403);
  expect(JSON.parse(write.text).error).toContain(`use https://${lan}:${host.port}${ROUTES.overrides}`);
  expect(adminPage.status).toBe(403);
  expect(snapshot.status).toBe(200);
  expect(
    JSON.parse(snapshot.text).overrides.some(
      (e: { override?: { text?: string } }) => e.override?.text === 'in clear',
    ),
  ).toBe(false);
});
