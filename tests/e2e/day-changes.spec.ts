import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startHost, test, type TestHost } from './support/host.js';
import { settled } from './support/screen.js';

// The changes of a conference day posted through the API, then the room screens read at 12:30
// (lunch) and 13:45 (the changed slot): "next" only ever names what really happens in the room,
// and what left or was called off is said as such (issue 11). Screenshots of each state at both
// screen sizes land in test-results/day-changes/ for people to look at.
const OUT = resolve(import.meta.dirname, '../../test-results/day-changes');
const LUNCH = '2019-05-20T12:30:00-07:00';
const SLOT = '2019-05-20T13:45:00-07:00';
const W = 'winchester';
const L = 'lawrence-san-tomas-lafayette';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];

interface Reading {
  name: string;
  room: string;
  at: string;
  slide: 'now' | 'next';
  /** data-current / data-next of the screen. */
  current: string;
  next: string;
  texts: string[];
}

async function read(page: Page, host: TestHost, r: Reading, shot: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(`${host.room(r.room, r.at)}&slide=${r.slide}`);
    await settled(page);
    const screen = page.getByTestId('room-screen');
    await expect(screen).toHaveAttribute('data-current', r.current);
    await expect(screen).toHaveAttribute('data-next', r.next);
    for (const text of r.texts) await expect(page.locator('main')).toContainText(text);
    await page.screenshot({ path: `${OUT}/${shot}-${r.name}-${size.width}x${size.height}.png` });
  }
}

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

test.describe('the Winchester/Lawrence 13:30 swap', () => {
  let host: TestHost;
  test.beforeAll(async () => {
    host = await startHost({ clock: '2019-05-20T11:00:00-07:00', rate: 0 });
    // The tutorial first: the panel is still in Lawrence, so the host refuses until forced.
    await expect(host.post({ kind: 'move', session: 'tut-pm1', room: L })).rejects.toThrow(
      /409: .*Lawrence\/San Tomas\/Lafayette Rooms has .*Presentations Track 1.*t1-pm1/,
    );
    await host.post({ kind: 'move', session: 'tut-pm1', room: L, force: true });
    await host.post({ kind: 'move', session: 't1-pm1', room: W });
  });
  test.afterAll(async () => {
    await host?.close();
  });

  const readings: Reading[] = [
    {
      name: 'winchester-1230',
      room: W,
      at: LUNCH,
      slide: 'now',
      current: '',
      next: 't1-pm1',
      texts: [
        'Lunch in the Magnolia Room until 1:30 PM',
        '1:30 PM tutorial moved to the Lawrence/San Tomas/Lafayette Rooms — next here: How the Experts Do It: Production ML at Scale at 1:30 PM',
      ],
    },
    {
      name: 'winchester-1345',
      room: W,
      at: SLOT,
      slide: 'now',
      current: 't1-pm1',
      next: 'tut-pm2',
      texts: ['How the Experts Do It', '1:30 PM tutorial moved to the Lawrence/San Tomas/Lafayette Rooms'],
    },
    {
      name: 'winchester-1345-next',
      room: W,
      at: SLOT,
      slide: 'next',
      current: 't1-pm1',
      next: 'tut-pm2',
      texts: ['Next · in 45 min', 'ModelOps on AWS'],
    },
    {
      name: 'lawrence-1345',
      room: L,
      at: SLOT,
      slide: 'now',
      current: 'tut-pm1',
      next: 't1-pm2',
      texts: ['Deep Learning Lifecycle Management', '1:30 PM panel moved to the Winchester Room'],
    },
  ];
  for (const r of readings)
    test(`${r.name}: ${r.texts[0]}`, async ({ page }) => {
      await read(page, host, r, 'swap');
    });
});

test.describe("the cancel of Winchester's 13:30 tutorial", () => {
  let host: TestHost;
  test.beforeAll(async () => {
    host = await startHost({ clock: '2019-05-20T11:00:00-07:00', rate: 0 });
    await host.post({ kind: 'cancel', session: 'tut-pm1', note: 'The speaker is ill' });
  });
  test.afterAll(async () => {
    await host?.close();
  });

  const readings: Reading[] = [
    {
      name: 'winchester-1230',
      room: W,
      at: LUNCH,
      slide: 'now',
      current: '',
      next: 'tut-pm2',
      texts: [
        'Lunch in the Magnolia Room until 1:30 PM',
        '1:30 PM tutorial cancelled (The speaker is ill) — next here: ModelOps on AWS at 2:30 PM',
      ],
    },
    {
      name: 'winchester-1345',
      room: W,
      at: SLOT,
      slide: 'now',
      current: 'tut-pm1',
      next: 'tut-pm2',
      texts: [
        'Cancelled: Deep Learning Lifecycle Management with Kubernetes, REST, and Python',
        'The speaker is ill — next here: ModelOps on AWS at 2:30 PM',
      ],
    },
  ];
  for (const r of readings)
    test(`${r.name}: ${r.texts[0]}`, async ({ page }) => {
      await read(page, host, r, 'cancel');
    });
});
