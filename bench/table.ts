/** The results table: one row per measurement, printed as markdown. */

export interface Row {
  measurement: string;
  median: string;
  /** p99, or min–max, or a note; '' when it does not apply. */
  spread: string;
  target: string;
  /** true/false when there is a target; null when the row only informs or failed. */
  met: boolean | null;
  /** Why a target was missed, what would meet it, or why the row failed. */
  note?: string;
}

/** A row for a part that threw: the table still prints, saying what failed. */
export function failedRow(measurement: string, target: string, err: unknown): Row {
  const reason = err instanceof Error ? err.message : String(err);
  return { measurement, median: `failed: ${oneLine(reason)}`, spread: '', target, met: null };
}

export function oneLine(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Fixed decimals scaled to the size of the figure: 0.042, 1.23, 12.3, 123. */
export function fmt(x: number, unit = ''): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const digits = a === 0 ? 0 : a < 0.1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return `${x.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly Row[]): string {
  const head = ['measurement', 'median', 'p99 or min–max', 'target', 'met?'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const met = r.met === null ? '–' : r.met ? 'yes' : '**no**';
    lines.push(`| ${[r.measurement, r.median, r.spread, r.target, met].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The notes under the table: one bullet per row that has something to say. */
export function notes(rows: readonly Row[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- **${r.measurement}**: ${r.note}`)
    .join('\n');
}
