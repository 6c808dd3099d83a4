import { expect, test } from './support/host.js';

/**
 * Room and lobby pages give nobody a way to write, and the admin token is nowhere in what they
 * load, store or send (HTML, scripts, API answers, request URLs and bodies, localStorage,
 * heartbeats), nor in the host's output apart from the admin URL it prints at start.
 */

test.use({ hostOptions: { clock: '2019-05-20T10:45:00-07:00', rate: 1 } });

test('room and lobby pages: no way to write, no admin token anywhere', async ({ host, browser }) => {
  test.setTimeout(90_000);
  const token = host.token;
  // The admin page used first in its own profile: the host has seen the token in use.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto(host.admin());
  await expect(adminPage.locator('body')).not.toHaveText('', { timeout: 10_000 });
  await host.post({ kind: 'announce', text: 'Coffee in the lobby' });
  await admin.close();

  const pages = [
    ['room winchester', host.room('winchester')],
    ['room magnolia', host.room('magnolia')],
    ['lobby', host.lobby()],
  ] as const;
  const report: string[] = [];
  let checked = 0;
  for (const [name, url] of pages) {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const leaks: string[] = [];
    const bodies: Promise<void>[] = [];
    page.on('request', (r) => {
      checked++;
      if (r.url().includes(token)) leaks.push(`request URL ${r.url()}`);
      if (r.postData()?.includes(token)) leaks.push(`request body to ${r.url()}`);
      for (const [k, v] of Object.entries(r.headers()))
        if (v.includes(token)) leaks.push(`request header ${k} to ${r.url()}`);
    });
    page.on('response', (res) => {
      // The event stream never ends; its events are the snapshot's entries, checked in the snapshot.
      if (res.url().includes('/api/events')) return;
      bodies.push(
        res
          .body()
          .then((b) => {
            checked++;
            if (b.toString('utf8').includes(token)) leaks.push(`response ${res.url()}`);
          })
          .catch(() => undefined),
      );
    });
    // The first heartbeat goes out when the stream opens.
    const heartbeat = page.waitForRequest((r) => r.url().includes('/api/screens/heartbeat'), {
      timeout: 20_000,
    });
    await page.goto(url);
    await page.waitForFunction(
      () =>
        (document.body.textContent ?? '').includes('Coffee in the lobby') ||
        document.querySelector('[data-testid=room-screen],[data-testid=lobby-screen]') !== null,
    );
    await heartbeat;
    await page.waitForTimeout(500);
    await Promise.all(bodies);

    const inPage = await page.evaluate((t) => {
      const found: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        if (k.includes(t) || (localStorage.getItem(k) ?? '').includes(t)) found.push(`localStorage ${k}`);
      }
      for (let i = 0; i < sessionStorage.length; i++) {
        const k = sessionStorage.key(i)!;
        if ((sessionStorage.getItem(k) ?? '').includes(t)) found.push(`sessionStorage ${k}`);
      }
      if (document.documentElement.outerHTML.includes(t)) found.push('DOM');
      if (location.href.includes(t)) found.push('URL');
      if (document.cookie.includes(t)) found.push('cookie');
      return found;
    }, token);
    leaks.push(...inPage);

    const controls = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll(
          'form, input, textarea, select, button, [contenteditable]:not([contenteditable="false"]), a[href]',
        ),
      ).map((el) => el.outerHTML.slice(0, 80)),
    );
    report.push(`${name}: ${controls.length} controls, ${leaks.length} token leaks`);
    expect(controls, `${name}: controls on a screen`).toEqual([]);
    expect(leaks, `${name}: the admin token leaked`).toEqual([]);
    await context.close();
  }

  // The screens' scripts hold no way to send the token either.
  const html = await (await fetch(host.room('winchester'))).text();
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) {
    const js = await (await fetch(host.url + s)).text();
    expect(/authorization/i.test(js), `${s} sets an Authorization header`).toBe(false);
  }

  const printed = host.output.filter((l) => l.includes(token));
  expect(
    printed.every((l) => /^admin:\s*http:\/\/\S+\/admin#token=/.test(l.trim())),
    printed.join('\n'),
  ).toBe(true);
  console.log(
    `access e2e: ${report.join('; ')}; ${checked} requests/answers checked; room scripts ${scripts.length} without Authorization; token in ${printed.length} host line(s), the admin URL`,
  );
});
