import { describe, expect, it } from 'vitest';
import { parseSettings, settingsProblemsText, settingsWarnings } from '../../../../core/settings/parse.js';
import { DEFAULT_SETTINGS } from '../../../../core/settings/schema.js';
import { palette } from '../../../../core/settings/palette.js';
import { themeColours } from '../../../../core/settings/theme.js';

describe('parseSettings', () => {
  it('takes {} as today’s look', () => {
    const r = parseSettings({});
    expect(r).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.theme.mode).toBe('dark');
    expect(palette(DEFAULT_SETTINGS.theme)['--bg']).toBe('#0b1017');
  });

  it('folds colours to #rrggbb', () => {
    const r = parseSettings({ theme: { accent: '#F0A', background: '#000000' } });
    expect(r.ok && r.settings.theme.accent).toBe('#ff00aa');
  });

  it.each<[string, unknown, string, string]>([
    ['a colour', { theme: { accent: 'orange' } }, 'theme.accent', 'must be a colour like #ffb627'],
    ['a mode', { theme: { mode: 'dim' } }, 'theme.mode', 'must be "dark" or "light"'],
    ['a font', { theme: { font: 'Comic Sans' } }, 'theme.font', 'must be one of system'],
    ['an unknown field', { theme: { colour: '#fff' } }, 'theme', 'has unknown field(s) "colour"'],
    ['a room id', { rooms: { 'Hall 1': {} } }, 'rooms.Hall 1', 'is not a valid name here'],
    ['a capacity', { rooms: { borg: { capacity: 2.5 } } }, 'rooms.borg.capacity', 'must be a whole number'],
    ['a stream URL', { rooms: { borg: { stream: 'ftp://x' } } }, 'rooms.borg.stream', 'http:// or https://'],
    ['an empty floor', { rooms: { borg: { floor: ' ' } } }, 'rooms.borg.floor', 'must not be empty'],
    ['a track colour', { tracks: { Security: 'blue' } }, 'tracks.Security', 'must be a colour'],
    [
      'a logo hash',
      { theme: { logo: { hash: 'x', ext: 'png', width: 1, height: 1 } } },
      'theme.logo.hash',
      'upload the image first',
    ],
    ['a newer version', { version: 2 }, 'version', 'from a newer Hallway'],
    ['a version', { version: 0 }, 'version', 'must be 1'],
    ['an array', [], '', 'must be a JSON object'],
    ['text', 'hello', '', 'got text'],
  ])('refuses %s, naming the field', (_what, input, path, message) => {
    const r = parseSettings(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(settingsProblemsText(r.problems)).toContain(path || '(top level)');
  });
});

describe('settingsWarnings', () => {
  it.each<[string, unknown, number]>([
    ['the defaults', {}, 0],
    ['light mode', { theme: { mode: 'light' } }, 0],
    ['grey on white', { theme: { mode: 'light', text: '#777777', background: '#ffffff' } }, 1],
    ['yellow text on the dark background', { theme: { text: '#ffb627' } }, 0],
    ['dark blue text on the dark background', { theme: { text: '#334466' } }, 1],
  ])('%s: %s warning(s)', (_what, input, n) => {
    const r = parseSettings(input);
    if (!r.ok) throw new Error(settingsProblemsText(r.problems));
    expect(settingsWarnings(r.settings)).toHaveLength(n);
  });
});

describe('palette', () => {
  it('gives each mode its designed palette when no colour is set', () => {
    for (const mode of ['dark', 'light'] as const) {
      const r = parseSettings({ theme: { mode } });
      if (!r.ok) throw new Error('invalid');
      const p = palette(r.settings.theme);
      expect(p['--bg']).toBe(themeColours(r.settings.theme).background);
      expect(Object.values(p).every((v) => /^#[0-9a-f]{6}$/.test(v))).toBe(true);
    }
  });

  it.each<[string, string, string]>([
    ['#ffb627', '#000000', '#111111'],
    ['#1d4ed8', '#ffffff', '#ffffff'],
  ])('puts readable ink on the accent %s', (accent, bg, ink) => {
    const r = parseSettings({ theme: { accent, background: bg } });
    if (!r.ok) throw new Error('invalid');
    expect(palette(r.settings.theme)['--accent-ink']).toBe(ink);
  });

  it('mixes panels from the background towards the text', () => {
    const r = parseSettings({ theme: { background: '#000000', text: '#ffffff' } });
    if (!r.ok) throw new Error('invalid');
    const p = palette(r.settings.theme);
    expect(p['--panel']).toBe('#0a0a0a');
    expect(p['--muted']).toBe('#b3b3b3');
  });
});
