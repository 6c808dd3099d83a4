import { Hono } from 'hono';
import { CLUSTER_ROUTE, type ClusterInfo } from '../../../core/protocol/index.js';
import type { ClusterPeers } from '../cluster/peers.js';
import { type AdminAuth, requireToken } from './http.js';

/** GET /api/cluster (admin): the hosts, their screens, the stream and which NATS nodes answer. */
export function clusterRoutes(cluster: () => ClusterPeers | null, adminAuth: AdminAuth): Hono {
  const app = new Hono();
  app.get(CLUSTER_ROUTE, requireToken(adminAuth), async (c) => {
    c.header('Cache-Control', 'no-store');
    const peers = cluster();
    const info: ClusterInfo = peers ? await peers.info() : { stream: null, self: '', hosts: [] };
    return c.json(info);
  });
  return app;
}
