import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals } from '../lib/i18n/literals.js';

// The admin stays English, but its words are in its catalogue, renderer/admin/strings.ts (issue 14):
// no admin component holds a user-facing English literal of its own.

const ROOT = join(import.meta.dirname, '../../../..');
const DIR = 'renderer/admin/components';

/** Literals that read as words but are code, each with why. */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: `${DIR}/SessionList.svelte`,
    text: 'Enter',
    why: 'a key name compared with KeyboardEvent.key',
  },
  {
    file: `${DIR}/ScreenList.svelte`,
    text: 'Electron',
    why: 'the engine name a screen reports, matched to offer a capture',
  },
];

function adminFiles(): string[] {
  const components = readdirSync(join(ROOT, DIR))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => `${DIR}/${f}`);
  return ['renderer/admin/App.svelte', ...components].sort();
}

describe('no user-facing literal in the admin outside its catalogue', () => {
  const files = adminFiles();

  it('scans App.svelte and the components', () => {
    expect(files).toEqual(
      expect.arrayContaining(['renderer/admin/App.svelte', `${DIR}/ProgramPanel.svelte`]),
    );
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)('%s', (file) => {
    const found = findLiterals(readFileSync(join(ROOT, file), 'utf8'), file).filter(
      (f) => !ALLOWED.some((a) => a.file === file && a.text === f.text),
    );
    expect(found, 'move these into renderer/admin/strings/ and read them through TEXT').toEqual([]);
  });
});
