import { type BrowserContext, expect, type Page } from '@playwright/test';
import { PAGES, ROUTES, type ScreenInfo } from '../../../core/protocol/index.js';

/** What the specs of the screen registry need of the host they started in their own process. */
interface RegistryHost {
  url: string;
  token: string;
}

/** The registry as GET /api/screens lists it. */
export async function listScreens(host: RegistryHost): Promise<ScreenInfo[]> {
  const res = await fetch(host.url + ROUTES.screens, { headers: { authorization: `Bearer ${host.token}` } });
  return (await res.json()) as ScreenInfo[];
}

/** Opens a room page named with ?screen= and waits until the registry lists it. */
export async function openRoom(host: RegistryHost, page: Page, room: string, name: string): Promise<void> {
  await page.goto(`${host.url}${PAGES.room(room)}?screen=${name}`);
  await expect(page.getByTestId('room-screen')).toBeVisible();
  await expect.poll(async () => (await listScreens(host)).some((s) => s.screen === name)).toBe(true);
}

/** Three room screens (door-a in Winchester, door-b in Stevens Creek, door-c in Magnolia) and an admin page. */
export async function threeRoomsAndAdmin(
  host: RegistryHost,
  context: BrowserContext,
  open: (page: Page, room: string, name: string) => Promise<void> = (p, r, n) => openRoom(host, p, r, n),
): Promise<[Page, Page, Page, Page]> {
  const pages = [
    await context.newPage(),
    await context.newPage(),
    await context.newPage(),
    await context.newPage(),
  ] as const;
  await open(pages[0], 'winchester', 'door-a');
  await open(pages[1], 'stevens-creek', 'door-b');
  await open(pages[2], 'magnolia', 'door-c');
  return [...pages];
}

/**
 * Makes every live screen beat now: it beats at once on applying a change, so an announcement
 * does it. A screen that does not beat then is silent once the registry's clock moved a minute on.
 */
export async function beatNow(host: RegistryHost): Promise<void> {
  const res = await fetch(host.url + ROUTES.overrides, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'announce', text: 'Coffee in the foyer' }),
  });
  expect(res.status).toBe(201);
}

/** A screen's row in the admin's list. */
export const screenRow = (admin: Page, name: string) =>
  admin.locator(`[data-testid="screen-row"][data-screen="${name}"]`);
