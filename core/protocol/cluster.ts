import { z } from 'zod';

/**
 * Several hosts sharing one journal through a NATS JetStream cluster (issue #18): what the
 * admin shows of it, and what hosts tell each other.
 */

// The admin needs the route without zod: it lives in wire.ts.
export { CLUSTER_ROUTE } from './wire.js';

/** One Hallway host of the cluster, as it announces itself every second. */
export const ClusterHost = z.object({
  /** The URL screens reach it at. */
  url: z.string().min(1).max(500),
  /** The revision it has applied. */
  revision: z.number().int().min(0),
  /** Screens that sent it a heartbeat lately, by name. */
  screens: z.array(z.string().max(200)).max(500),
  /** Host real time of the announcement (epoch ms). */
  at: z.number(),
});
export type ClusterHost = z.infer<typeof ClusterHost>;

/** The stream as the cluster answers for it, and which of its NATS nodes are current. */
export const ClusterStream = z.object({
  name: z.string(),
  /** The NATS node this host talks to. */
  connectedTo: z.string().nullable(),
  messages: z.number().int().optional(),
  lastRevision: z.number().int().optional(),
  nodes: z.array(z.object({ name: z.string(), leader: z.boolean(), current: z.boolean() })).optional(),
  /** Why the stream cannot be read now (no quorum, not connected). */
  error: z.string().optional(),
});
export type ClusterStream = z.infer<typeof ClusterStream>;

/** GET /api/cluster: null `stream` on a host without --cluster. */
export const ClusterInfo = z.object({
  stream: ClusterStream.nullable(),
  /** This host's URL, and every host heard from in the last few seconds (itself included). */
  self: z.string(),
  hosts: z.array(ClusterHost),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;
