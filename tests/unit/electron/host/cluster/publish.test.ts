// What a write's answer says when the cluster did not answer at once (no NATS here: a fake
// JetStream that answers each attempt as the case says).
import { headers, type JetStreamClient, type JetStreamManager, NatsError } from 'nats';
import { describe, expect, it } from 'vitest';
import { publishOnce, UnknownWrites } from '../../../../../electron/host/cluster/publish.js';
import { JournalUnavailable, StaleRevision } from '../../../../../electron/host/journal.js';
import type { JournalEntry } from '../../../../../core/overrides/schema.js';

type Answer = 'timeout' | 'no responders' | 'ack' | 'duplicate' | 'wrong last';
const entry: JournalEntry = {
  type: 'override',
  revision: 5,
  at: '2019-05-20T10:40:00-07:00',
  override: { kind: 'alert', text: 'x' },
};

function fake(answers: Answer[], atNext: 'ours' | 'another' | 'no answer' = 'another') {
  const ids: string[] = [];
  const js = {
    publish: async (_s: string, _d: Uint8Array, o: { msgID: string; timeout: number }) => {
      ids.push(o.msgID);
      const a = answers[Math.min(ids.length - 1, answers.length - 1)]!;
      if (a === 'timeout') {
        await new Promise((r) => setTimeout(r, Math.min(o.timeout, 50)));
        throw new NatsError('TIMEOUT', 'TIMEOUT');
      }
      if (a === 'no responders') throw new NatsError('503', '503');
      if (a === 'wrong last') {
        const e = new NatsError('wrong last sequence: 5', '400');
        e.api_error = { code: 400, err_code: 10071, description: 'wrong last sequence: 5' };
        throw e;
      }
      return { seq: 5, duplicate: a === 'duplicate', stream: 'S' };
    },
  } as unknown as JetStreamClient;
  const jsm = {
    streams: {
      getMessage: () => {
        if (atNext === 'no answer') return Promise.reject(new Error('TIMEOUT'));
        const h = headers();
        h.set('Nats-Msg-Id', atNext === 'ours' ? ids[0]! : 'someone-else');
        return Promise.resolve({ header: h });
      },
    },
  } as unknown as JetStreamManager;
  const unknown: string[] = [];
  const p = {
    js,
    jsm,
    stream: 'S',
    subject: 's',
    timeoutMs: 300,
    onUnknown: (id: string) => unknown.push(id),
  };
  return { p, ids, unknown };
}

describe('publishOnce', () => {
  it.each<[string, Answer[], 'ours' | 'another' | 'no answer', RegExp | number | 'stale']>([
    ['answered at once', ['ack'], 'another', 5],
    ['a timeout, then the re-publish is a duplicate: stored', ['timeout', 'duplicate'], 'another', 5],
    [
      'a timeout, then the stream is past: the message there is ours, stored',
      ['timeout', 'wrong last'],
      'ours',
      5,
    ],
    [
      'a timeout, then the stream is past by another: not stored, checked again',
      ['timeout', 'wrong last'],
      'another',
      'stale',
    ],
    [
      'no leader for the whole timeout: not stored',
      ['no responders'],
      'another',
      /not stored, nothing was changed/,
    ],
    [
      'silent for the whole bound: not known, said so',
      ['timeout'],
      'another',
      /not known whether it was stored/,
    ],
    [
      'the stream past and it does not say by whom: not known',
      ['timeout', 'wrong last'],
      'no answer',
      /not known/,
    ],
  ])('%s', async (_, answers, atNext, want) => {
    const { p, ids, unknown } = fake(answers, atNext);
    const got = publishOnce(p, entry, 4);
    if (typeof want === 'number') await expect(got).resolves.toBe(want);
    else if (want === 'stale') await expect(got).rejects.toThrow(StaleRevision);
    else {
      await expect(got).rejects.toThrow(JournalUnavailable);
      await expect(got).rejects.toThrow(want);
    }
    // One write, one msgID, however many times it was sent.
    expect(new Set(ids).size).toBe(1);
    expect(unknown).toEqual(typeof want === 'object' && /not known/.test(want.source) ? [ids[0]] : []);
  });
});

describe('UnknownWrites', () => {
  it.each([
    ['its own message at after + 1: stored after all', 5, 'm1', /stored after all, as revision 5/],
    ['another message at after + 1: not stored', 5, 'm2', /was not stored \(revision 5 is another change\)/],
  ])('%s', (_, seq, id, want) => {
    const w = new UnknownWrites();
    w.add('m1', 4);
    const lines: string[] = [];
    w.settle(3, 'm0', (l) => lines.push(l));
    expect(lines).toEqual([]);
    w.settle(seq, id, (l) => lines.push(l));
    w.settle(6, 'm3', (l) => lines.push(l));
    expect(lines).toEqual([expect.stringMatching(want)]);
  });
});
