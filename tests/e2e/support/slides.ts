import type { Browser, Page } from '@playwright/test';
import { ROUTES, type ImageStored } from '../../../core/protocol/index.js';
import type { SettingsInput } from '../../../core/settings/schema.js';
import type { TestHost } from './host.js';

/** PUT the whole settings document; throws with the host's answer unless it took it. */
export async function putSettings(host: TestHost, settings: SettingsInput): Promise<void> {
  const res = await fetch(host.url + ROUTES.settings, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(settings),
  });
  if (res.status !== 201) throw new Error(`PUT settings → ${res.status}: ${await res.text()}`);
}

/** Uploads PNG bytes to the host's image store (POST /api/images) and answers its reference. */
export async function upload(host: TestHost, png: Buffer): Promise<Omit<ImageStored, 'bytes'>> {
  const res = await fetch(host.url + ROUTES.images, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${host.token}` },
    body: new Uint8Array(png),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`POST images → ${res.status}: ${await res.text()}`);
  const { hash, ext, width, height } = (await res.json()) as ImageStored;
  return { hash, ext, width, height };
}

/** A made-up sponsor logo as a PNG: a word set in a colour, on transparent ground. */
export async function logoPng(browser: Browser, word: string, colour: string, mark: string): Promise<Buffer> {
  return render(
    browser,
    `<div style="display:inline-flex;align-items:center;gap:18px;padding:20px 30px;font:800 64px/1 'DejaVu Sans',sans-serif;color:${colour};letter-spacing:-1px">
       <span style="display:inline-grid;place-items:center;width:78px;height:78px;border-radius:18px;background:${colour};color:#fff;font-size:44px">${mark}</span>${word}</div>`,
  );
}

/** A made-up venue map as a PNG. */
export async function mapPng(browser: Browser): Promise<Buffer> {
  const room = (x: number, y: number, w: number, h: number, name: string, fill: string) =>
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${fill}" stroke="#263245" stroke-width="6"/>
     <text x="${x + w / 2}" y="${y + h / 2 + 14}" text-anchor="middle" font-size="40" font-weight="700" fill="#0b1017">${name}</text>`;
  return render(
    browser,
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900" style="display:block;font-family:'DejaVu Sans',sans-serif">
       <rect width="1600" height="900" fill="#f7f5f0"/>
       ${room(60, 60, 700, 420, 'Santa Clara Ballroom', '#ffd27a')}
       ${room(800, 60, 360, 260, 'Winchester', '#b9d7ff')}
       ${room(1200, 60, 340, 260, 'Stevens Creek', '#b9d7ff')}
       ${room(800, 360, 740, 240, 'Lawrence · San Tomas · Lafayette', '#c9f0d2')}
       ${room(60, 520, 700, 320, 'Magnolia (lunch)', '#ffc9c9')}
       <rect x="800" y="640" width="740" height="200" rx="14" fill="#dfe4ea"/>
       <text x="1170" y="755" text-anchor="middle" font-size="40" fill="#0b1017">Registration · Entrance ↓</text>
     </svg>`,
  );
}

async function render(browser: Browser, html: string): Promise<Buffer> {
  const page: Page = await browser.newPage();
  try {
    await page.setContent(`<body style="margin:0;background:transparent">${html}</body>`);
    const box = page.locator('body > *').first();
    return await box.screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}
