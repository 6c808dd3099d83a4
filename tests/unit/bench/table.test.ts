import { describe, expect, it } from 'vitest';
import { failedRow, fmt, markdownTable, notes, oneLine } from '../../../bench/table.js';

describe('fmt', () => {
  it.each([
    [0, '', '0'],
    [0.0421, '', '0.042'],
    [1.234, 'ms', '1.23 ms'],
    [12.34, '', '12.3'],
    [123.4, 'KB', '123 KB'],
    [-5.5, '', '-5.50'],
    [Number.NaN, '', 'NaN'],
  ])('%d %s → %s', (x, unit, want) => {
    expect(fmt(x, unit)).toBe(want);
  });
});

describe('markdownTable', () => {
  it('prints one header, one rule and one line per row, with met as yes / **no** / –', () => {
    const table = markdownTable([
      { measurement: 'a', median: '1', spread: 'p99 2', target: '< 3', met: true },
      { measurement: 'b', median: '4', spread: '', target: '< 3', met: false },
      { measurement: 'c', median: '5', spread: '', target: '', met: null },
    ]);
    expect(table.split('\n')).toEqual([
      '| measurement | median | p99 or min–max | target | met? |',
      '|---|---|---|---|---|',
      '| a | 1 | p99 2 | < 3 | yes |',
      '| b | 4 |  | < 3 | **no** |',
      '| c | 5 |  |  | – |',
    ]);
  });

  it('escapes pipes and newlines so a cell cannot break the table', () => {
    const table = markdownTable([{ measurement: 'a|b', median: 'x\ny', spread: '', target: '', met: null }]);
    expect(table.split('\n')[2]).toBe('| a\\|b | x y |  |  | – |');
  });
});

describe('failedRow', () => {
  it('says "failed:" with the reason on one line, and has no verdict', () => {
    const row = failedRow('cold start', '< 1 s', new Error('host exited (1)\n  at spawn'));
    expect(row).toMatchObject({
      measurement: 'cold start',
      median: 'failed: host exited (1) at spawn',
      met: null,
    });
  });

  it('takes a non-Error reason too', () => {
    expect(failedRow('x', '', 'boom').median).toBe('failed: boom');
  });
});

describe('oneLine and notes', () => {
  it('cuts long text with an ellipsis', () => {
    expect(oneLine('a'.repeat(10), 5)).toBe('aaaa…');
  });

  it('lists only the rows that carry a note', () => {
    expect(
      notes([
        { measurement: 'a', median: '', spread: '', target: '', met: null, note: 'why' },
        { measurement: 'b', median: '', spread: '', target: '', met: null },
      ]),
    ).toBe('- **a**: why');
  });
});
