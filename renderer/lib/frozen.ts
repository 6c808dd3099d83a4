/**
 * `?at=ISO` freezes a page at one instant (admin previews, screenshots, tests). Returns the
 * instant in epoch ms, or null when absent; a malformed value is reported, not silently ignored.
 */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function frozenInstant(search: string): { at: number | null; error: string | null } {
  const raw = new URLSearchParams(search).get('at');
  if (raw === null || raw === '') return { at: null, error: null };
  const ms = ISO_WITH_OFFSET.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms))
    return {
      at: null,
      error: `?at=${raw}: must be an ISO date-time with its offset, like 2019-05-20T10:30:00-07:00`,
    };
  return { at: ms, error: null };
}
