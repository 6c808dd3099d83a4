import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals } from './literals.js';

// The room and lobby screens speak the screen's language: no English left in their code
// (issue 14). Program data (titles, room names) is not text of ours and comes as values.

const ROOT = join(import.meta.dirname, '../../../../..');
const SCREEN_DIRS = ['renderer/room', 'renderer/lobby', 'renderer/slides'];
/** The lib pieces the screens use: every component there, and the shared wording. */
const LIB = [
  'renderer/lib/format.ts',
  'renderer/lib/wayfinding.ts',
  'renderer/lib/i18n/time.ts',
  'renderer/lib/i18n/resolve.ts',
];

/** Literals that are words but not ours to translate, each with why. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: 'renderer/room/App.svelte',
    text: 'room',
    why: "the identify overlay's id line: for staff, English",
  },
  {
    file: 'renderer/room/App.svelte',
    text: 'not assigned',
    why: "the identify overlay's id line: for staff, English",
  },
  {
    file: 'renderer/room/App.svelte',
    text: 'Hallway',
    why: "the product's name: the title before the room's is known",
  },
  {
    file: 'renderer/lobby/App.svelte',
    text: 'Hallway',
    why: "the product's name: the title before the program's is known",
  },
];

/**
 * Lib components that speak to staff, not attendees, and stay English like the admin (issue 14):
 * the registry's page for a screen not assigned yet, and its identify overlay.
 */
const STAFF_ONLY = ['renderer/lib/NotAssigned.svelte', 'renderer/lib/ScreenIdentity.svelte'];

function screenFiles(): string[] {
  const inDir = (dir: string) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(svelte|ts)$/.test(f))
      .map((f) => `${dir}/${f}`);
  const libComponents = readdirSync(join(ROOT, 'renderer/lib'))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => `renderer/lib/${f}`)
    .filter((f) => !STAFF_ONLY.includes(f));
  return [...SCREEN_DIRS.flatMap(inDir), ...libComponents, ...LIB].sort();
}

describe('no user-facing literal outside the catalogue', () => {
  const files = screenFiles();

  it('scans the screens and the lib pieces they use', () => {
    expect(files).toEqual(
      expect.arrayContaining(['renderer/room/SessionCard.svelte', 'renderer/lib/OfflineMark.svelte']),
    );
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s', (file) => {
    const found = findLiterals(readFileSync(join(ROOT, file), 'utf8'), file).filter(
      (f) => !ALLOWED.some((a) => a.file === file && a.text === f.text),
    );
    expect(found, `move these into renderer/lib/i18n/en.ts (and de, ja) and read them through t()`).toEqual(
      [],
    );
  });
});

// The scanner must be able to fail: each planted literal is found, each catalogue read is not.
describe('the scanner finds what it is for', () => {
  it.each([
    ['a text node', '<p>Scan for details</p>', 'Scan for details'],
    ['one capitalised word', '<span class="flag">Cancelled</span>', 'Cancelled'],
    ['an aria-label', '<i aria-label="offline"></i>', 'offline'],
    ['a title', '<div title="Connection lost"></div>', 'Connection lost'],
    ['an alt', '<img alt="logo" src="x.png" />', 'logo'],
    ['a component heading', '<ListSlide heading="Later today" rows={[]} />', 'Later today'],
    [
      'a string in markup',
      "<StatusPanel status={{ headline: 'Nothing more here today' }} />",
      'Nothing more here today',
    ],
    ['a template literal', '<p>{`Next · ${when}`}</p>', 'Next ·'],
    [
      'a script string',
      '<script lang="ts">const e = \'This page needs a room\';</script>',
      'This page needs a room',
    ],
    ['Japanese', '<p>{flag ? "中止" : ""}</p>', '中止'],
  ])('in a .svelte file: %s', (_, source, text) => {
    expect(findLiterals(source, 'x.svelte').map((f) => f.text)).toEqual([text]);
  });

  it.each([
    ['a string', "export const a = () => 'Nothing here until noon';", 'Nothing here until noon'],
    ['a template part', 'export const b = (c: string) => `until ${c}, then lunch`;', 'until '],
  ])('in a .ts file: %s', (_, source, text) => {
    expect(findLiterals(source, 'x.ts').map((f) => f.text)).toContain(text);
  });

  it('in a .ts file: leaves the path of a dynamic import alone, not the words beside it', () => {
    const source =
      "export const k = () => import('./custom/Custom Text.svelte').then(() => 'Slide not loaded');";
    expect(findLiterals(source, 'x.ts').map((f) => f.text)).toEqual(['Slide not loaded']);
  });

  it.each([
    ['catalogue reads', '<p>{t().session.scan}</p><span class="flag warn">{m.session.cancelled}</span>'],
    ['code attributes', '<div class="banner changed" data-testid="moved" style:width="50%"></div>'],
    ['punctuation between values', '<span>{a} – {b}</span>'],
    [
      'imports and types',
      "<script lang=\"ts\">import X from './Some Thing.svelte'; let m: 'Now' | 'Next';</script>",
    ],
    ['lowercase identifiers', '<Card mode="next" testid="later" />{kind === \'now\' ? 1 : 2}'],
    ['style directives', '<div style:height="{h}px" style:transform="scale({s}) translate(0, 1px)"></div>'],
    ['key shortcuts', '<button aria-keyshortcuts="Alt+{k}">{label}</button>'],
  ])('leaves alone: %s', (_, source) => {
    expect(findLiterals(source, 'x.svelte')).toEqual([]);
  });
});
