/** At most ten ids, then how many more: an error message, not a dump. */
export function listIds(ids: readonly string[], max = 10): string {
  if (ids.length <= max) return ids.join(', ');
  return `${ids.slice(0, max).join(', ')}, … (${ids.length - max} more)`;
}
