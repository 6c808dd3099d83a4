import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import type Conf from 'conf';
import type { StoredProgram } from '../../core/program/schema.js';
import { type Assignment, PAGES, UPLOAD_PREFIX } from '../../core/protocol/index.js';
import type { CaptureScreen } from './api/screens.js';
import { simulatedClock } from '../../core/time/clock.js';
import { parseInstant } from '../../core/time/venue.js';
import { type ClockSetting, HostClock, keptClock, REAL_CLOCK } from './clock.js';
import { type ClusterSetting, openClusterCache, streamNameFor } from './cluster/cache.js';
import type { ClusterPeers } from './cluster/peers.js';
import { Follower, followSource } from './follow.js';
import { ownNames } from './host-check.js';
import type { Journal } from './journal.js';
import { openJournal } from './journal-migrate.js';
import { type HostLimits, hostLimits, limitsApply } from './limits.js';
import { lockDataDir } from './lock.js';
import { defaultDataDir, defaultProgramPath, defaultRendererDir } from './paths.js';
import { readProgramFile } from './program-file.js';
import { ProgramFiles, ProgramVersions } from './programs.js';
import { ScreenRegistry } from './screens.js';
import { confRegistryStore } from './screens-store.js';
import { createApp } from './server.js';
import { HostState } from './state.js';
import { steadyClock } from './steady-clock.js';
import { HostSettings, keepSettingsIn } from './settings.js';
import { ImageStore } from './images.js';
import { adoptStore, ensureToken, type HostStore, openStore } from './store.js';
import type { StoreShape } from './store-schema.js';
import { loadTls, type TlsFiles } from './tls.js';
import { writeCause } from './write-failure.js';

export type { StoreShape } from './store-schema.js';
export { STORE_OPTIONS } from './store-schema.js';
export { quarantineInvalidStore } from './store.js';

export interface HostOptions {
  programPath?: string; // default: data/opml19.json of the checkout/app
  dataDir?: string; // default: user-data dir of an app named Hallway (env-paths-like, no electron)
  store?: Conf<StoreShape>; // the shell passes an electron-store; else a conf store in dataDir
  port?: number; // 0 = ephemeral; default 8710
  lan?: boolean; // listen on 0.0.0.0 instead of 127.0.0.1, over HTTPS
  hostNames?: string[]; // names the venue's DNS gives this machine (--host-name), besides its addresses
  tlsCert?: string;
  tlsKey?: string; // PEM files for --lan; default: a self-signed pair kept in <dataDir>/tls
  screensHttpPort?: number; // with --lan: also plain HTTP on this port, for screens that cannot do TLS
  limits?: Partial<HostLimits>; // see limits.ts; tests shrink the timeouts
  clock?: string;
  rate?: number; // simulated clock start (ISO) and rate
  rendererDir?: string; // built renderer (default dist/renderer)
  log?: (line: string) => void; // default console.log
  /** Follow this URL or file (else the source the store kept, if any). */
  follow?: string;
  /** How often to fetch it (ms); default 2 minutes. */
  everyMs?: number;
  /** The venue's IANA zone for a program file or followed schedule that names none (`--zone`). */
  zone?: string;
  /** Fetch timeout (ms), for tests; default 20 s. */
  followTimeoutMs?: number;
  /** The screen registry's real time (liveness: silent after 60 s); tests shift it instead of waiting. */
  screensNow?: () => number;
  /** The shell's capture of one of its windows (a PNG), for GET /api/screens/capture. */
  capture?: CaptureScreen;
  /** Share one journal with other hosts through this NATS JetStream cluster (--cluster). */
  cluster?: ClusterSetting;
}

export interface Screen {
  kind: 'room' | 'lobby' | 'admin';
  room?: string;
  name: string;
  url: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  /** With --lan: the certificate served, its SHA-256 fingerprint (as browsers show it) and Electron's. */
  tls?: Pick<TlsFiles, 'certPath' | 'fingerprint' | 'electronFingerprint'>;
  /** The plain-HTTP screens URL, with --screens-http-port. */
  screensHttpUrl?: string;
  screens: Screen[]; // admin url has #token=
  /** What staff assigned each screen (the shell's window plan takes it), by screen name. */
  assignment(screen: string): Assignment | null;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8710;

/**
 * The clock to start with: the command line's, else the one last set (settings, moved on by any
 * clock entry the journal has after them), else real time.
 */
function startClock(
  opts: HostOptions,
  store: HostStore,
  journal: Journal,
  log: (l: string) => void,
  realNow: () => number,
): ClockSetting {
  const rate = opts.rate;
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 100_000))
    throw new Error(`rate ${rate} is not allowed: give a number from 0 (clock held still) to 100000`);
  if (opts.clock !== undefined || rate !== undefined) {
    const start = opts.clock !== undefined ? parseInstant(opts.clock) : realNow();
    const r = rate ?? 1;
    const setting = { state: simulatedClock(start, r, realNow()), resumeRate: r > 0 ? r : 1 };
    keepClock(store, setting, journal.revision);
    return setting;
  }
  const { setting: kept, repaired } = keptClock(store.get('settings'), (r) => journal.since(r));
  if (kept && repaired !== null) {
    log(`clock: took the clock from journal revision ${repaired} (${store.path} was written before it)`);
    keepClock(store, kept, repaired);
  }
  if (kept?.state.mode === 'simulated') {
    log(
      'clock: SIMULATED, as last set (the admin page or POST /api/clock {"action":"real"} returns to real time)',
    );
    return kept;
  }
  return REAL_CLOCK;
}

/** Keeps the clock in the settings, with the journal revision it stands for. */
function keepClock(store: HostStore, setting: ClockSetting, revision: number): void {
  store.set('settings', {
    ...store.get('settings'),
    clock: setting.state,
    resumeRate: setting.resumeRate,
    clockRevision: revision,
  });
}

/** The address other machines reach us at: the first LAN IPv4, else loopback. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

type Served = ReturnType<typeof serve> & {
  address(): AddressInfo | string | null;
  closeAllConnections?: () => void;
};

/**
 * Serves `app` with Node's socket timeouts set, so a client that sends its headers or body a byte
 * at a time (slowloris) or idles on a kept-alive socket is cut off. The request timeout covers
 * receiving the request only: an event stream, whose request is complete at once, is not cut.
 */
function listen(
  app: { fetch: (r: Request) => Response | Promise<Response> },
  port: number,
  hostname: string,
  limits: HostLimits,
  tls?: TlsFiles,
) {
  const timeouts = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckMs,
  };
  return new Promise<Served>((resolve, reject) => {
    const ready = () => {
      server.maxConnections = limits.maxConnections;
      resolve(server as Served);
    };
    const server = tls
      ? serve(
          {
            fetch: app.fetch,
            port,
            hostname,
            createServer: createHttpsServer,
            serverOptions: { ...timeouts, key: tls.key, cert: tls.cert },
          },
          ready,
        )
      : serve({ fetch: app.fetch, port, hostname, serverOptions: timeouts }, ready);
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on ${hostname} is taken (another hallway?): pick another with --port N, or 0 for any free one`,
            )
          : e,
      ),
    );
  });
}

/** The data dir must take writes: a read-only one would refuse every change, so say so at start. */
function lockWritable(dataDir: string, log: (line: string) => void): () => void {
  try {
    return lockDataDir(dataDir, log);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code || code === 'EEXIST') throw e;
    const { cause, fix } = writeCause(e);
    throw new Error(`the data dir ${dataDir} cannot be written: ${cause}; ${fix}`, { cause: e });
  }
}

/**
 * Starts the host: loads the program (rejecting with every problem if it is invalid, before the
 * store is touched), takes the data dir's lock (one host per journal), opens the store, and serves
 * the API, the event stream and the screens.
 */
export async function startHost(opts: HostOptions = {}): Promise<RunningHost> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const programPath = opts.programPath ?? defaultProgramPath();
  const { program, notes } = await readProgramFile(programPath, opts.zone ? { zone: opts.zone } : {});
  for (const note of notes) log(`program: ${note}`);

  const dataDir = opts.store ? dirname(opts.store.path) : (opts.dataDir ?? defaultDataDir());
  const unlock = lockWritable(dataDir, log);
  try {
    return await serveWith(opts, program, programPath, dataDir, unlock, log);
  } catch (e) {
    unlock();
    throw e;
  }
}

async function serveWith(
  opts: HostOptions,
  program: StoredProgram,
  programPath: string,
  dataDir: string,
  unlock: () => void,
  log: (line: string) => void,
): Promise<RunningHost> {
  const store = opts.store ? adoptStore(opts.store, log) : openStore(dataDir, log);
  const token = ensureToken(store);
  // A cluster's journal is the stream: this data dir keeps a cache of it, apart from journal.jsonl.
  const stream = opts.cluster ? (opts.cluster.stream ?? streamNameFor(program)) : null;
  const journal = stream ? openClusterCache(dataDir, stream, log) : openJournal(dataDir, store, log);
  try {
    return await serveJournal(
      opts,
      program,
      programPath,
      dataDir,
      store,
      token,
      journal,
      log,
      unlock,
      stream,
    );
  } catch (e) {
    journal.close();
    throw e;
  }
}

async function serveJournal(
  opts: HostOptions,
  program: StoredProgram,
  programPath: string,
  dataDir: string,
  store: HostStore,
  token: string,
  journal: Journal,
  log: (line: string) => void,
  unlock: () => void,
  stream: string | null,
): Promise<RunningHost> {
  // Never backwards: a machine clock set back an hour must not drag the simulated clock along.
  const realNow = steadyClock(log);
  const clock = new HostClock(startClock(opts, store, journal, log, realNow), realNow);
  const versions = new ProgramVersions(program, new ProgramFiles(dataDir), log);
  const settings = new HostSettings(journal, store.get('settings').screens, keepSettingsIn(store, log));
  const state = new HostState(
    versions,
    journal,
    clock,
    (setting, revision) => {
      try {
        keepClock(store, setting, revision);
      } catch (e) {
        // The change is journalled (and so acknowledged); the next start takes it from there.
        log(`clock: could not keep the clock in ${store.path} (${(e as Error).message}); the journal has it`);
      }
    },
    settings,
  );
  const inForce = [...journal.entries]
    .reverse()
    .find((e) => e.type === 'program' && e.hash === state.baseHash);
  if (inForce?.type === 'program')
    log(
      `program: the version from ${inForce.source} (revision ${inForce.revision}) is in force, not ${programPath}`,
    );
  const follower = new Follower(state, store, {
    log,
    ...(opts.followTimeoutMs !== undefined ? { timeoutMs: opts.followTimeoutMs } : {}),
  });
  if (opts.follow !== undefined || opts.everyMs !== undefined || opts.zone !== undefined)
    follower.configure({
      ...(opts.follow !== undefined ? { source: followSource(opts.follow) } : {}),
      ...(opts.everyMs !== undefined ? { everyMs: opts.everyMs } : {}),
      ...(opts.zone !== undefined ? { zone: opts.zone } : {}),
    });
  const problems = state.effective().problems;
  if (problems.length)
    log(`overrides: ${problems.length} kept override(s) do not fit this program: ${problems.join('; ')}`);

  const limits = hostLimits(opts.limits);
  const hostNames = opts.hostNames ?? [];
  const tls = opts.lan
    ? await loadTls(
        dataDir,
        {
          ...(opts.tlsCert !== undefined ? { cert: opts.tlsCert } : {}),
          ...(opts.tlsKey !== undefined ? { key: opts.tlsKey } : {}),
        },
        [...ownNames(hostNames)],
        realNow(),
      )
    : undefined;
  let httpsPort: number | null = null;
  let peers: ClusterPeers | null = null;
  const registry = new ScreenRegistry({
    realNow: opts.screensNow ?? realNow,
    maxScreens: limits.maxScreens,
    maxPerAddress: limits.maxScreensPerAddress,
    unbounded: (a) => !limitsApply(limits, a),
    store: confRegistryStore(store, log),
  });
  const unnote = journal.subscribe((e) => registry.noteRevision(e.revision));
  const unfollowScreens = registry.follow(journal);
  const images = new ImageStore(dataDir);
  const { app, streams } = createApp({
    state,
    screens: registry,
    cluster: () => peers,
    ...(opts.capture ? { capture: opts.capture } : {}),
    limits,
    hostNames,
    httpsPort: () => httpsPort,
    // Read from the store on each check: `hallway token --rotate` on a running host takes effect
    // at once, and the old token stops working.
    token: () => store.get('token') ?? token,
    rendererDir: opts.rendererDir ?? defaultRendererDir(),
    log,
    requestLog: process.env.HALLWAY_REQUEST_LOG === '1',
    follower,
    images,
  });
  const hostname = opts.lan ? '0.0.0.0' : '127.0.0.1';
  const server = await listen(app, opts.port ?? DEFAULT_PORT, hostname, limits, tls);
  const servers: Served[] = [server];
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? DEFAULT_PORT);
  const url = `${tls ? 'https' : 'http'}://${opts.lan ? lanAddress() : '127.0.0.1'}:${port}`;
  let screensHttpUrl: string | undefined;
  if (tls) {
    httpsPort = port;
    log(
      `WARNING: listening on ALL network interfaces (port ${port}): any machine on this network can load the screens; ` +
        'changes still need the admin token.',
    );
    log(
      `TLS: ${tls.made ? 'made a self-signed certificate' : 'certificate'} ${tls.certPath}, SHA-256 fingerprint ${tls.fingerprint}: ` +
        'check that a browser shows this fingerprint before typing the token into it',
    );
    if (opts.screensHttpPort !== undefined) {
      try {
        const plain = await listen(app, opts.screensHttpPort, hostname, limits);
        servers.push(plain);
        const a = plain.address();
        screensHttpUrl = `http://${lanAddress()}:${typeof a === 'object' && a ? a.port : opts.screensHttpPort}`;
        log(
          `screens: also plain HTTP at ${screensHttpUrl} for screens that cannot do TLS (from other machines: pages and heartbeats only)`,
        );
      } catch (e) {
        server.close();
        throw e;
      }
    }
  }
  log(
    `host: ${url} (program ${programPath}, store ${store.path}, journal ${journal.path}, revision ${journal.revision})`,
  );
  // The NATS client is loaded only for a cluster: a host alone never pays for it at its start.
  const cluster =
    opts.cluster && stream
      ? (await import('./cluster/index.js')).joinCluster(
          journal,
          dataDir,
          { ...opts.cluster, stream },
          url,
          () => ({
            revision: journal.revision,
            screens: registry
              .list(journal.revision)
              .filter((s) => !s.stale && s.page !== 'admin')
              .map((s) => s.screen),
          }),
          realNow,
          log,
        )
      : null;
  peers = cluster?.peers ?? null;
  // An uploaded image goes to the cluster's bucket at once: settings naming it may be saved at any host.
  if (cluster) images.whenSaved((name, hash) => void cluster.replica.share({ name, hash }));

  const following = follower.current.source;
  if (following !== null && !following.startsWith(UPLOAD_PREFIX))
    log(
      `follow: ${following} every ${follower.current.everyMs / 1000} s${follower.current.paused ? ' (paused)' : ''}`,
    );
  follower.start();

  const screens: Screen[] = [
    ...state.base.rooms.map((r) => ({
      kind: 'room' as const,
      room: r.id,
      name: r.name,
      url: url + PAGES.room(r.id),
    })),
    { kind: 'lobby', name: 'Lobby', url: url + PAGES.lobby },
    { kind: 'admin', name: 'Admin', url: `${url}${PAGES.admin}#token=${token}` },
  ];

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    token,
    screens,
    assignment: (screen) => registry.assignment(screen),
    ...(tls
      ? {
          tls: {
            certPath: tls.certPath,
            fingerprint: tls.fingerprint,
            electronFingerprint: tls.electronFingerprint,
          },
        }
      : {}),
    ...(screensHttpUrl !== undefined ? { screensHttpUrl } : {}),
    close() {
      // Every write is on disk before it is answered, so closing only has to end the connections.
      closing ??= (async () => {
        follower.stop();
        unnote();
        unfollowScreens();
        registry.close();
        await cluster?.close();
        streams.closeAll();
        await Promise.all(
          servers.map(
            (s) =>
              new Promise<void>((resolve) => {
                s.close(() => resolve());
                s.closeAllConnections?.();
              }),
          ),
        );
        journal.close();
        unlock();
      })();
      return closing;
    },
  };
}
