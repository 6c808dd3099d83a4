import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredProgram } from '../../../core/program/schema.js';
import { Journal } from '../journal.js';
import { NatsJournal } from './nats-journal.js';
import { ClusterPeers } from './peers.js';

export { ClusterPeers } from './peers.js';
export { parseClusterUrls } from './urls.js';

export interface ClusterSetting {
  /** nats://HOST:PORT of the NATS nodes (--cluster). */
  servers: string[];
  /** The stream's name (default: from the conference's name). */
  stream?: string;
  replicas?: number;
  publishTimeoutMs?: number;
}

/** One stream per conference: its name made of the conference's (NATS allows letters, digits, _ and -). */
export function streamNameFor(program: StoredProgram): string {
  const slug = program.conference.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .slice(0, 60);
  return `HALLWAY_${slug || 'CONFERENCE'}`;
}

/**
 * The cache of the cluster's journal in the data dir: `cluster-<stream>.jsonl`, apart from the
 * single-host `journal.jsonl` (a host that joins a cluster shows the cluster's journal, never
 * entries only it has), with the stream's identity beside it so a start without the cluster
 * resumes screens in the same journal.
 */
export function openClusterCache(dataDir: string, stream: string, log: (line: string) => void): Journal {
  const idPath = join(dataDir, `cluster-${stream}.id`);
  const id = existsSync(idPath) ? readFileSync(idPath, 'utf8').trim() : undefined;
  return new Journal(join(dataDir, `cluster-${stream}.jsonl`), { log, ...(id ? { id } : {}) });
}

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
