import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Journal } from '../journal.js';
import type { ClusterSetting } from './cache.js';
import { NatsJournal } from './nats-journal.js';
import { ClusterPeers } from './peers.js';

export { ClusterPeers } from './peers.js';
export { parseClusterUrls } from './urls.js';
export { type ClusterSetting, openClusterCache, streamNameFor } from './cache.js';

export interface RunningCluster {
  replica: NatsJournal;
  peers: ClusterPeers;
  close(): Promise<void>;
}

/** Joins the cluster in the background: the host serves from its cache until the stream answers. */
export function joinCluster(
  journal: Journal,
  dataDir: string,
  setting: ClusterSetting & { stream: string },
  self: string,
  announce: ConstructorParameters<typeof ClusterPeers>[2],
  realNow: () => number,
  log: (line: string) => void,
): RunningCluster {
  const replica = new NatsJournal(journal, {
    servers: setting.servers,
    stream: setting.stream,
    dataDir,
    log,
    ...(setting.replicas !== undefined ? { replicas: setting.replicas } : {}),
    ...(setting.publishTimeoutMs !== undefined ? { publishTimeoutMs: setting.publishTimeoutMs } : {}),
    onJoined: (id) => writeFileSync(join(dataDir, `cluster-${setting.stream}.id`), `${id}\n`),
  });
  const peers = new ClusterPeers(replica, self, announce, realNow);
  replica.start();
  peers.start();
  return {
    replica,
    peers,
    async close() {
      peers.stop();
      await replica.close();
    },
  };
}
