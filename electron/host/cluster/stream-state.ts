import type { JetStreamManager } from 'nats';
import type { ClusterStream } from '../../../core/protocol/cluster.js';

/** The stream's state and which of its nodes answer, for the admin (`base`: its name, the node this host is on). */
export async function streamState(
  jsm: JetStreamManager,
  base: Pick<ClusterStream, 'name' | 'connectedTo'>,
): Promise<ClusterStream> {
  try {
    const info = await jsm.streams.info(base.name);
    const c = info.cluster;
    const nodes = [
      ...(c?.leader ? [{ name: c.leader, leader: true, current: true }] : []),
      ...(c?.replicas ?? []).map((r) => ({ name: r.name, leader: false, current: r.current && !r.offline })),
    ];
    return { ...base, messages: info.state.messages, lastRevision: info.state.last_seq, nodes };
  } catch (e) {
    return { ...base, error: `the stream does not answer: ${(e as Error).message}` };
  }
}
