import { describe, expect, it } from 'vitest';
import { fieldOf, placeProblems } from '../../../../renderer/admin/problems.js';

describe('fieldOf', () => {
  it.each([
    ['minutes', 'minutes'],
    ['speakers[0].name', 'speakers'],
    ['speakers.0.name', 'speakers'],
    ['override.minutes', 'minutes'],
    ['/until', 'until'],
    ['', ''],
  ])('%s → %s', (path, want) => {
    expect(fieldOf(path)).toBe(want);
  });
});

describe('placeProblems', () => {
  const fields = ['session', 'minutes', 'cascade'];

  it('puts each problem at its field and the others in general', () => {
    const placed = placeProblems(
      'invalid delay',
      [
        { path: 'minutes', message: 'must not be 0' },
        { path: 'room', message: 'is not a field of this input: leave it out' },
      ],
      fields,
    );
    expect(placed.byField).toEqual({ minutes: ['must not be 0'] });
    expect(placed.general).toEqual(['room: is not a field of this input: leave it out']);
  });

  it('shows the error itself when no problem names a field (404, 409)', () => {
    const placed = placeProblems('unknown session "nope"', [], fields);
    expect(placed).toEqual({ byField: {}, general: ['unknown session "nope"'] });
  });

  it('does not repeat the error when a field carries the problem', () => {
    const placed = placeProblems('invalid', [{ path: 'session', message: 'must not be empty' }], fields);
    expect(placed.general).toEqual([]);
  });
});
