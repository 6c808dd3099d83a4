// A NATS JetStream cluster of its own for a test: N nats-server processes on free loopback
// ports, each with its own store dir and routes to the others, stopped (and their dirs removed)
// by `stop()`. Debian's nats-server (`apt-get install nats-server`; .ci/run does it).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER = process.env.NATS_SERVER ?? 'nats-server';

/** Throws, naming the package, when nats-server is not installed. */
export function requireNatsServer(): void {
  const r = spawnSync(NATS_SERVER, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${NATS_SERVER} is not installed: apt-get install nats-server (or set NATS_SERVER)`);
}

/** Free loopback ports, all held open at once so no two are the same. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const sock = createConnection({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });

export interface NatsNode {
  name: string;
  url: string;
  running: boolean;
  /** SIGKILL: no goodbye to the others. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and store dir. */
  start(): Promise<void>;
}

export interface NatsCluster {
  nodes: NatsNode[];
  /** nats://127.0.0.1:P,... of every node: what `--cluster` takes. */
  urls: string[];
  stop(): Promise<void>;
}

export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  requireNatsServer();
  const root = mkdtempSync(join(tmpdir(), 'hallway-nats-'));
  const ports = await freePorts(size * 2);
  const clientPorts = ports.slice(0, size);
  const routePorts = ports.slice(size);
  const routes = routePorts.map((p) => `nats://127.0.0.1:${p}`).join(',');

  const nodes: NatsNode[] = clientPorts.map((port, i) => {
    const name = `n${i + 1}`;
    const store = join(root, name);
    mkdirSync(store);
    let proc: ChildProcess | null = null;
    const node: NatsNode = {
      name,
      url: `nats://127.0.0.1:${port}`,
      running: false,
      async start() {
        proc = spawn(
          NATS_SERVER,
          [
            '-a',
            '127.0.0.1',
            '-p',
            String(port),
            '-n',
            name,
            '-js',
            '-sd',
            store,
            '--cluster_name',
            'hallway-test',
            '--cluster',
            `nats://127.0.0.1:${routePorts[i]}`,
            '--routes',
            routes,
          ],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let err = '';
        proc.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
        for (let t = 0; !(await canConnect(port)); t++) {
          if (proc.exitCode !== null || t > 100) throw new Error(`nats-server ${name} did not start: ${err}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        node.running = true;
      },
      async kill() {
        const p = proc;
        if (!p || p.exitCode !== null || p.signalCode !== null) return;
        const gone = new Promise((r) => p.once('exit', r));
        p.kill('SIGKILL');
        await gone;
        node.running = false;
      },
    };
    return node;
  });
  await Promise.all(nodes.map((n) => n.start()));
  return {
    nodes,
    urls: nodes.map((n) => n.url),
    async stop() {
      await Promise.all(nodes.map((n) => n.kill()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
