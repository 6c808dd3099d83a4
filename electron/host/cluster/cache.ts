import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredProgram } from '../../../core/program/schema.js';
import { Journal } from '../journal.js';

/*
 * What a host needs of the cluster before it knows whether it joins one: the setting, the stream's
 * name and the cache of its journal. Apart from index.ts, which loads the NATS client (a tenth
 * of a second or more at every start): the host imports that only with --cluster.
 */

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
