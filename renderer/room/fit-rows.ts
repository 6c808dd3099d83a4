/**
 * How many rows of "Elsewhere now" a screen shows at a size read from five metres. 35C3 has ~40
 * rooms on at once: all of them shrink to a size nobody reads and still cut the last rows off, so
 * the screen shows what fits (the rooms in program order, the big halls first) and says how many
 * more the lobby boards list. Pure, from the viewport, so it is tested without a browser.
 */

/** A row (room and place, title, until when) is about 12.5 % of the short side at its smallest readable size. */
const ROW = 0.125;
/** Header, heading, footer and gaps take about a third of the short side. */
const CHROME = 0.34;

export function rowsThatFit(width: number, height: number): number {
  const vmin = Math.min(width, height);
  return Math.max(3, Math.floor((height - CHROME * vmin) / (ROW * vmin)));
}

/** The rows shown and how many are left out; the "+N more" line takes the last row's place. */
export function fitRows<T>(rows: readonly T[], fits: number): { shown: T[]; more: number } {
  if (rows.length <= fits) return { shown: [...rows], more: 0 };
  const shown = rows.slice(0, Math.max(1, fits - 1));
  return { shown, more: rows.length - shown.length };
}
