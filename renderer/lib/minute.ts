/**
 * The screens show minutes (the clock, "12 min left", the grid's now line), so the views derive
 * from the venue time floored to the minute: `$derived(toMinute(conn.now()))` only changes once a
 * minute, and nothing downstream re-renders or refits in between. Sessions start and end on
 * whole minutes, so flooring never shows a change late.
 */
export function toMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}
