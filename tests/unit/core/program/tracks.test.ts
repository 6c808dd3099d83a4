import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../../../core/program/parse.js';

const opml = () =>
  JSON.parse(readFileSync(join(__dirname, '../../../../data/opml19.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('a program file with track colours', () => {
  it.each([
    [
      '#RGB widened, case folded',
      [{ name: 'Research', colour: '#0AF' }],
      [{ name: 'Research', colour: '#00aaff' }],
      [],
    ],
    [
      'an unreadable colour: left out, warned naming the track',
      [
        { name: 'Research', colour: 'teal' },
        { name: 'Industry', colour: '#112233' },
      ],
      [{ name: 'Industry', colour: '#112233' }],
      [
        'tracks[0]: track "Research" has the colour "teal", not a colour like #ffb627: the screens show it without one',
      ],
    ],
  ])('%s', (_name, tracks, kept, warnings) => {
    const r = parseProgram({ ...opml(), tracks });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.program.tracks).toEqual(kept);
    expect(r.warnings.filter((w) => w.startsWith('tracks'))).toEqual(warnings);
  });

  it('refuses tracks that are no list, naming the field', () => {
    const r = parseProgram({ ...opml(), tracks: 'Research' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^tracks: /);
  });
});
