import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PORT, type RunningHost, startHost } from '../host/index.js';
import type { ClusterSetting } from '../host/cluster/cache.js';
import { parseClusterUrls } from '../host/cluster/urls.js';
import { ianaZone } from '../../core/import/zone.js';
import { parseEvery } from '../host/every.js';
import { appRoot, defaultDataDir, defaultProgramPath, defaultRendererDir } from '../host/paths.js';
import { rendererBuilt } from '../host/static.js';
import { type Command, type Io, numberOption, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway serve [--program FILE] [--data DIR] [--port N] [--clock ISO] [--rate R]
                     [--lan [--host-name NAME]... [--tls-cert FILE --tls-key FILE] [--screens-http-port N]]
                     [--follow URL|FILE [--every 2m]] [--zone Z] [--max-screens N]
                     [--cluster nats://HOST:PORT[,...] [--cluster-stream NAME]]

Runs the host: the screens' pages, the API and the event stream. Prints each screen's URL and
the admin URL (with its token), then serves until Ctrl-C.
  --program FILE  the program, any format \`hallway check\` reads (default: data/opml19.json)
  --data DIR      where the override log, token and settings live (default: ${defaultDataDir()})
  --port N        port to listen on (default ${DEFAULT_PORT}; 0: any free one)
  --clock ISO     simulate the clock from this instant, like 2019-05-20T08:55:00-07:00
  --rate R        simulated seconds per real second (default 1; 0 holds the clock still)
  --lan           listen on every network interface, for screens on other machines, over HTTPS
                  (a self-signed certificate kept in the data dir; its fingerprint is printed)
  --host-name NAME  a name the venue's DNS gives this machine (repeatable): requests for any
                  other name than its own addresses and these are refused (DNS rebinding)
  --tls-cert FILE, --tls-key FILE  the certificate and private key (PEM) to serve instead
  --screens-http-port N  also plain HTTP on this port, for screens that cannot do TLS; from
                  other machines it serves pages and heartbeats only, never the admin
  --follow SRC    follow a published schedule (URL or file, any format \`hallway import\` reads):
                  each new version goes to the screens; a failed fetch keeps the last good one
  --every T       how often to fetch it: 30s, 2m (default), 10m
  --zone Z        the venue's IANA time zone (Europe/Berlin), for a program or followed
                  schedule whose times name none (Sessionize, hand-made files)
  --max-screens N  screens the admin's registry holds at most (default 500): past it a new
                  screen is refused (503) until staff forget one, or one nobody assigned goes silent
  --cluster URLS  share one journal with other hosts through this NATS JetStream cluster
                  (nats://HOST:PORT, comma-separated): changes can be made at any host, and
                  screens move to another host when theirs goes away
  --cluster-stream NAME  the stream's name (default: HALLWAY_ and the conference's name)`;

/** Builds dist/renderer once when it is missing (a fresh checkout), so the pages can be served. */
function buildRendererOnce(dir: string, io: Io): void {
  if (rendererBuilt(dir) || process.env.HALLWAY_SKIP_RENDERER_BUILD) return;
  const vite = join(appRoot(), 'node_modules', 'vite', 'bin', 'vite.js');
  if (dir !== defaultRendererDir() || !existsSync(vite)) return;
  io.out(`renderer not built yet: building ${dir} once (vite build)...`);
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
    cwd: appRoot(),
    encoding: 'utf8',
  });
  if (r.status !== 0)
    io.err(
      `vite build failed; the pages will answer 503 until \`npm run build:renderer\` works:\n${r.stderr}`,
    );
}

/** Resolves on the first SIGINT/SIGTERM. */
const stopSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(s);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      program: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      clock: { type: 'string' },
      rate: { type: 'string' },
      lan: { type: 'boolean' },
      follow: { type: 'string' },
      every: { type: 'string' },
      zone: { type: 'string' },
      'host-name': { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'screens-http-port': { type: 'string' },
      'max-screens': { type: 'string' },
      cluster: { type: 'string' },
      'cluster-stream': { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const port = numberOption('port', values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
      throw new UsageError(`--port must be a whole number from 0 to 65535 (got ${values.port})`);
    const rate = numberOption('rate', values.rate);
    const every = values.every !== undefined ? parseEvery(values.every) : undefined;
    if (every && !every.ok) throw new UsageError(every.error);
    if (values.follow === '') throw new UsageError('--follow needs a URL or a file');
    if (values.zone !== undefined && !ianaZone(values.zone))
      throw new UsageError(`--zone "${values.zone}" is not an IANA time zone; use one like Europe/Berlin`);
    const screensHttpPort = numberOption('screens-http-port', values['screens-http-port']);
    if (
      screensHttpPort !== undefined &&
      !(Number.isInteger(screensHttpPort) && screensHttpPort >= 0 && screensHttpPort <= 65535)
    )
      throw new UsageError(
        `--screens-http-port must be a whole number from 0 to 65535 (got ${values['screens-http-port']})`,
      );
    const maxScreens = numberOption('max-screens', values['max-screens']);
    if (
      maxScreens !== undefined &&
      !(Number.isInteger(maxScreens) && maxScreens >= 1 && maxScreens <= 100_000)
    )
      throw new UsageError(
        `--max-screens must be a whole number from 1 to 100000 (got ${values['max-screens']})`,
      );
    const lanOnly = ['host-name', 'tls-cert', 'tls-key', 'screens-http-port'] as const;
    const withoutLan = lanOnly.find((k) => values[k] !== undefined && !values.lan);
    if (withoutLan)
      throw new UsageError(`--${withoutLan} needs --lan (without it the host is on 127.0.0.1 only)`);
    const badName = (values['host-name'] ?? []).find(
      (n) => !/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/i.test(n),
    );
    if (badName !== undefined)
      throw new UsageError(`--host-name "${badName}" is not a host name (letters, digits, dots, dashes)`);

    let cluster: ClusterSetting | undefined;
    try {
      if (values['cluster-stream'] !== undefined && values.cluster === undefined)
        throw new Error('--cluster-stream needs --cluster');
      if (values['cluster-stream'] !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values['cluster-stream']))
        throw new Error(`--cluster-stream "${values['cluster-stream']}": letters, digits, _ and - only`);
      if (values.cluster !== undefined)
        cluster = {
          servers: parseClusterUrls(values.cluster),
          ...(values['cluster-stream'] !== undefined ? { stream: values['cluster-stream'] } : {}),
        };
    } catch (e) {
      throw new UsageError((e as Error).message);
    }

    const rendererDir = defaultRendererDir();
    buildRendererOnce(rendererDir, io);
    const stopped = stopSignal();
    let host: RunningHost;
    try {
      host = await startHost({
        programPath: values.program ?? defaultProgramPath(),
        dataDir: values.data ?? defaultDataDir(),
        rendererDir,
        log: io.out,
        ...(port !== undefined ? { port } : {}),
        ...(values.clock !== undefined ? { clock: values.clock } : {}),
        ...(rate !== undefined ? { rate } : {}),
        ...(values.lan ? { lan: true } : {}),
        ...(values.follow !== undefined ? { follow: values.follow } : {}),
        ...(every?.ok ? { everyMs: every.ms } : {}),
        ...(values.zone !== undefined ? { zone: values.zone } : {}),
        ...(values['host-name'] ? { hostNames: values['host-name'] } : {}),
        ...(values['tls-cert'] !== undefined ? { tlsCert: values['tls-cert'] } : {}),
        ...(values['tls-key'] !== undefined ? { tlsKey: values['tls-key'] } : {}),
        ...(screensHttpPort !== undefined ? { screensHttpPort } : {}),
        ...(cluster ? { cluster } : {}),
        ...(maxScreens !== undefined ? { limits: { maxScreens } } : {}),
      });
    } catch (e) {
      io.err((e as Error).message);
      return 1;
    }
    for (const s of host.screens) {
      if (s.kind === 'room') io.out(`room ${s.room} (${s.name}): ${s.url}`);
      else io.out(`${s.kind}: ${s.url}`);
    }
    io.out('serving; Ctrl-C stops');
    const signal = await stopped;
    io.out(`${signal}: closing`);
    await host.close();
    return 0;
  },
};
