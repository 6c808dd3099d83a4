import type { Context } from 'hono';
import { JournalUnavailable } from '../journal.js';
import { Refusal } from '../state.js';
import { isWriteError, journalWriteFailed } from '../write-failure.js';
import { refuse, refuseFor } from './http.js';

/**
 * How a route answers a journal append that failed: the state's refusal as its 4xx; a cluster
 * without quorum, or a journal that could not be written (disk full, read-only), as a 503 naming
 * the cause, logged once per cause. The append changed nothing, so the client may send the same
 * change again once the cause is gone. `written()` after a good append re-arms the log.
 */
export function journalFailures(log: (line: string) => void): {
  answer: (c: Context, e: unknown) => Response;
  written: () => void;
} {
  let lastFailure = '';
  return {
    answer(c, e) {
      if (e instanceof Refusal) return refuse(c, e.status, e.message);
      if (e instanceof JournalUnavailable) return refuseFor(c, 503, 5, e.message);
      if (!isWriteError(e)) throw e;
      const message = journalWriteFailed(e);
      if (message !== lastFailure) log(`host: ${message}`);
      lastFailure = message;
      return refuseFor(c, 503, 30, message);
    },
    written() {
      lastFailure = '';
    },
  };
}
