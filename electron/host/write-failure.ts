/** What staff can do about each way a write to the data dir fails. */
const CAUSES: Record<string, { what: string; fix: string }> = {
  ENOSPC: { what: 'disk full', fix: 'free space' },
  EDQUOT: { what: 'disk quota exceeded', fix: 'free space or raise the quota' },
  EROFS: {
    what: 'read-only file system',
    fix: 'make the data dir writable (or start with another --data DIR)',
  },
  EACCES: { what: 'permission denied', fix: 'make the data dir writable for this user' },
  EPERM: { what: 'operation not permitted', fix: 'make the data dir writable for this user' },
  EIO: { what: 'I/O error', fix: 'check the disk' },
};

/** The file system's error code of `e` or of what caused it (the journal wraps what fs threw). */
function errnoOf(e: unknown): string | undefined {
  for (let at = e, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    const code = (at as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** `ENOSPC (disk full)`, or the error's own message for causes without a known code. */
export function writeCause(e: unknown): { cause: string; fix: string } {
  const code = errnoOf(e);
  const known = code ? CAUSES[code] : undefined;
  if (known) return { cause: `${code} (${known.what})`, fix: known.fix };
  return { cause: e instanceof Error ? e.message : String(e), fix: 'check the data dir' };
}

/** Said when an append fails: the entry was not journalled, so nothing the host answered is lost. */
export function journalWriteFailed(e: unknown): string {
  const { cause, fix } = writeCause(e);
  return `the host could not write its journal: ${cause}; ${fix}, nothing was changed`;
}

/** An error the file system threw (it, or its cause, has a code), as opposed to a bug of ours. */
export const isWriteError = (e: unknown): boolean => errnoOf(e) !== undefined;
