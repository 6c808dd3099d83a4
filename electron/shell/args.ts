import { ianaZone } from '../../core/import/zone.js';
import { parseClusterUrls } from '../host/cluster/urls.js';
import { parseEvery } from '../host/every.js';

/**
 * Command-line options of the shell (`npm start -- OPTIONS`, the packaged app's command line).
 * The host's options are `hallway serve`'s, so the same words work with or without Electron.
 */
export interface ShellOptions {
  port?: number;
  data?: string;
  program?: string;
  clock?: string;
  rate?: number;
  lan: boolean;
  /** Displays config file; default displays.json in the user-data dir, if there is one. */
  config?: string;
  kiosk: boolean;
  /**
   * Origins of hosts elsewhere in the venue (`--connect URL[,URL...]`: a cluster's): open the
   * windows against the first that answers, serve nothing; the screens move to another when
   * theirs goes silent.
   */
  connect?: string[];
  demo: boolean;
  /** A published schedule to follow (URL or file), fetched every `everyMs`. */
  follow?: string;
  everyMs?: number;
  /** The venue's IANA zone, for a program or followed schedule that names none. */
  zone?: string;
  /** NATS nodes of a cluster sharing one journal (`--cluster nats://H:P,...`). */
  cluster?: string[];
  clusterStream?: string;
}

export type ArgsResult =
  { ok: true; options: ShellOptions; ignored: string[] } | { ok: false; errors: string[] };

/** Start of the simulated clock for `npm run demo`: OpML '19, just before the morning tracks. */
export const DEMO_CLOCK = '2019-05-20T10:25:00-07:00';
export const DEMO_RATE = 1;

const VALUED = [
  '--port',
  '--data',
  '--program',
  '--clock',
  '--rate',
  '--config',
  '--connect',
  '--follow',
  '--every',
  '--zone',
  '--cluster',
  '--cluster-stream',
] as const;
const FLAGS = ['--lan', '--kiosk', '--demo'] as const;

/**
 * Unknown arguments are returned as `ignored`, not errors: Electron and Chromium put their own
 * switches on the command line (`--inspect=0`, `--no-sandbox`...) and the shell must still start.
 */
export function parseShellArgs(argv: readonly string[]): ArgsResult {
  const options: ShellOptions = { lan: false, kiosk: false, demo: false };
  const errors: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if ((FLAGS as readonly string[]).includes(name)) {
      const key = name.slice(2) as 'lan' | 'kiosk' | 'demo';
      options[key] = true;
      continue;
    }
    if (!(VALUED as readonly string[]).includes(name)) {
      ignored.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') {
      errors.push(`${name}: needs a value`);
      continue;
    }
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          errors.push(`--port: "${value}" is not a port (0–65535; 0 picks a free one)`);
        else options.port = port;
        break;
      }
      case '--rate': {
        const rate = Number(value);
        if (!Number.isFinite(rate) || rate < 0) errors.push(`--rate: "${value}" must be a number ≥ 0`);
        else options.rate = rate;
        break;
      }
      case '--connect': {
        const given = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = given.filter((v) => !parseOrigin(v));
        if (bad.length || !given.length)
          errors.push(
            `--connect: ${bad.length ? bad.map((b) => `"${b}"`).join(', ') : `"${value}"`} is not a host address; write it like http://10.0.0.5:8710 (several, comma-separated: http://10.0.0.5:8710,http://10.0.0.6:8710)`,
          );
        else options.connect = [...new Set(given.map((v) => parseOrigin(v)!))];
        break;
      }
      case '--clock':
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
          errors.push(`--clock: "${value}" must be an ISO date-time with its offset, like ${DEMO_CLOCK}`);
        else options.clock = value;
        break;
      case '--data':
        options.data = value;
        break;
      case '--program':
        options.program = value;
        break;
      case '--config':
        options.config = value;
        break;
      case '--follow':
        options.follow = value;
        break;
      case '--zone':
        if (ianaZone(value)) options.zone = value;
        else errors.push(`--zone: "${value}" is not an IANA time zone; use one like Europe/Berlin`);
        break;
      case '--cluster':
        try {
          options.cluster = parseClusterUrls(value);
        } catch (e) {
          errors.push((e as Error).message);
        }
        break;
      case '--cluster-stream':
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(value))
          errors.push(`--cluster-stream "${value}": letters, digits, _ and - only`);
        else options.clusterStream = value;
        break;
      case '--every': {
        const every = parseEvery(value);
        if (every.ok) options.everyMs = every.ms;
        else errors.push(every.error);
        break;
      }
    }
  }
  if (options.demo) {
    options.clock ??= DEMO_CLOCK;
    options.rate ??= DEMO_RATE;
  }
  if (
    options.connect &&
    (options.program ||
      options.clock ||
      options.rate !== undefined ||
      options.lan ||
      options.follow ||
      options.zone)
  )
    errors.push(
      '--connect: the host elsewhere owns the program and clock; drop --program, --clock, --rate, --lan, --follow, --zone',
    );
  return errors.length ? { ok: false, errors } : { ok: true, options, ignored };
}

function parseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The same options as `hallway serve` arguments: the fallback where Electron is missing. */
export function serveArgs(o: ShellOptions): string[] {
  const out: string[] = [];
  if (o.program !== undefined) out.push('--program', o.program);
  if (o.data !== undefined) out.push('--data', o.data);
  if (o.port !== undefined) out.push('--port', String(o.port));
  if (o.clock !== undefined) out.push('--clock', o.clock);
  if (o.rate !== undefined) out.push('--rate', String(o.rate));
  if (o.lan) out.push('--lan');
  if (o.follow !== undefined) out.push('--follow', o.follow);
  if (o.everyMs !== undefined) out.push('--every', `${o.everyMs}ms`);
  if (o.zone !== undefined) out.push('--zone', o.zone);
  if (o.cluster !== undefined) out.push('--cluster', o.cluster.join(','));
  if (o.clusterStream !== undefined) out.push('--cluster-stream', o.clusterStream);
  return out;
}
