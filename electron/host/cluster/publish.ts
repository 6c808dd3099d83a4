import { randomUUID } from 'node:crypto';
import { type JetStreamClient, type JetStreamManager, NatsError } from 'nats';
import type { JournalEntry } from '../../../core/overrides/schema.js';
import { JournalUnavailable, StaleRevision } from '../journal.js';

/** JetStream's error code for a publish whose expected last sequence is not the stream's. */
const WRONG_LAST_SEQUENCE = 10071;

export const MSG_ID = 'Nats-Msg-Id';

export interface Publisher {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  subject: string;
  /** How long one write waits for the cluster before it re-publishes (ms). */
  timeoutMs: number;
  /** A write answered 503 as unknown: the follow tells the log what became of it. */
  onUnknown: (msgID: string, after: number) => void;
}

const enc = new TextEncoder();

/**
 * Publishes `entry` as revision `after` + 1 and makes its outcome known before answering. The
 * message carries a msgID made once for this write, so a re-publish after a timeout is the same
 * write to JetStream (its duplicate window is longer than the bound): a duplicate ack says it was
 * stored; a wrong last sequence with another message at `after` + 1 says it was not (and now
 * never can be). Only a cluster silent for the whole bound leaves it unknown, and says so.
 */
export async function publishOnce(p: Publisher, entry: JournalEntry, after: number): Promise<number> {
  const msgID = randomUUID();
  const data = enc.encode(JSON.stringify(entry));
  let until = Date.now() + p.timeoutMs;
  /** An attempt got no answer: it may have been stored, or be stored once a node has it. */
  let unanswered = false;
  for (;;) {
    try {
      const ack = await p.js.publish(p.subject, data, {
        msgID,
        expect: { lastSequence: after },
        timeout: Math.max(100, Math.min(p.timeoutMs, until - Date.now())),
      });
      return ack.seq;
    } catch (e) {
      const code = e instanceof NatsError ? e.api_error?.err_code : undefined;
      if (code === WRONG_LAST_SEQUENCE) {
        // An earlier attempt may be what moved the stream on: the message at after + 1 says.
        if (unanswered) {
          const there = await storedAt(p, after + 1);
          if (there === msgID) return after + 1;
          if (there === undefined) {
            p.onUnknown(msgID, after);
            throw new JournalUnavailable(
              unknownText(p.timeoutMs, 'the stream moved on and did not say by whom'),
            );
          }
        }
        const last = /(\d+)\s*$/.exec(e instanceof NatsError ? (e.api_error?.description ?? '') : '');
        throw new StaleRevision(last ? Number(last[1]) : after + 1);
      }
      // No responders: the stream has no leader this instant (an election), nothing took it.
      const noResponders = e instanceof NatsError && e.code === '503';
      // A timeout is not a no: re-published under the same msgID for as long again.
      if (!noResponders && !unanswered) until = Date.now() + p.timeoutMs;
      unanswered ||= !noResponders;
      if (Date.now() + 100 < until) {
        if (noResponders) await sleep(100);
        continue;
      }
      if (unanswered) {
        p.onUnknown(msgID, after);
        throw new JournalUnavailable(unknownText(p.timeoutMs, (e as Error).message), { cause: e });
      }
      throw new JournalUnavailable(
        `the NATS cluster did not store the change within ${p.timeoutMs / 1000} s (${(e as Error).message}): ` +
          `${QUORUM}; not stored, nothing was changed; screens go on showing`,
        { cause: e },
      );
    }
  }
}

/** Writes answered as unknown, by msgID: the follow tells the log what became of each. */
export class UnknownWrites {
  #after = new Map<string, number>();

  add(msgID: string, after: number): void {
    this.#after.set(msgID, after);
  }

  /** The stream's message `seq` (with its msgID) settles the writes checked against seq - 1. */
  settle(seq: number, msgID: string, log: (line: string) => void): void {
    for (const [id, after] of this.#after) {
      if (after + 1 !== seq && id !== msgID) continue;
      this.#after.delete(id);
      log(
        id === msgID
          ? `cluster: the change answered "not known whether it was stored" was stored after all, as revision ${seq}`
          : `cluster: the change answered "not known whether it was stored" was not stored (revision ${seq} is another change): send it again if it is still wanted`,
      );
    }
  }
}

const QUORUM = 'it takes writes only while 2 of its 3 nodes (a quorum) answer';

const unknownText = (timeoutMs: number, why: string) =>
  `the NATS cluster did not say within ${(2 * timeoutMs) / 1000} s whether it stored the change (${why}): ${QUORUM}; ` +
  'not known whether it was stored: it may be once the nodes are back (the host log says when that is known), ' +
  'look at the journal before sending it again; screens go on showing';

/** The msgID of the stream's message at `seq` ('' if it has none); undefined when the cluster does not say. */
async function storedAt(p: Publisher, seq: number): Promise<string | undefined> {
  try {
    const m = await p.jsm.streams.getMessage(p.stream, { seq });
    return m.header?.get(MSG_ID) ?? '';
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
