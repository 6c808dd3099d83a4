import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsFiles {
  key: string;
  cert: string;
  certPath: string;
  /** SHA-256 of the certificate, as browsers show it (AB:CD:...). */
  fingerprint: string;
  /** How Electron's `certificate-error` names it: `sha256/<base64>`. */
  electronFingerprint: string;
  /** Made at this start (not given, not kept from an earlier one). */
  made: boolean;
}

export const TLS_DIR = 'tls';
const DAY_MS = 86_400_000;

function describe(cert: string, key: string, certPath: string, made: boolean): TlsFiles {
  const x = new X509Certificate(cert);
  return {
    key,
    cert,
    certPath,
    fingerprint: x.fingerprint256,
    electronFingerprint: `sha256/${createHash('sha256').update(x.raw).digest('base64')}`,
    made,
  };
}

function readPem(path: string, what: string, option: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${option} ${path}: cannot read the ${what} (${(e as Error).message})`, { cause: e });
  }
}

/**
 * The host's certificate for --lan: the one given (--tls-cert/--tls-key), else the self-signed
 * one kept in `<data dir>/tls/`, made at the first start (and again once it expires) for the
 * machine's names and addresses. Staff check its fingerprint, printed at start, in the browser.
 */
export async function loadTls(
  dataDir: string,
  given: { cert?: string; key?: string },
  names: readonly string[],
  now: number,
): Promise<TlsFiles> {
  if ((given.cert === undefined) !== (given.key === undefined))
    throw new Error('give --tls-cert and --tls-key together (the certificate and its private key, PEM)');
  if (given.cert !== undefined && given.key !== undefined) {
    const cert = readPem(given.cert, 'certificate', '--tls-cert');
    const key = readPem(given.key, 'private key', '--tls-key');
    try {
      return describe(cert, key, given.cert, false);
    } catch (e) {
      throw new Error(`--tls-cert ${given.cert}: not a PEM certificate (${(e as Error).message})`, {
        cause: e,
      });
    }
  }
  const dir = join(dataDir, TLS_DIR);
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    try {
      const kept = describe(readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'), certPath, false);
      if (Date.parse(new X509Certificate(kept.cert).validTo) > now + DAY_MS) return kept;
    } catch {
      // Unreadable or broken: made again below.
    }
  }
  const ips = names.filter((n) => /^[\d.]+$|:/.test(n));
  const dns = names.filter((n) => !ips.includes(n));
  // Loaded only here: selfsigned and its ASN.1 stack cost a third of a second at every start,
  // and a host without --lan (or with its certificate kept) never makes one.
  const { generate } = await import('selfsigned');
  const made = await generate([{ name: 'commonName', value: 'Hallway host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    // Browsers refuse certificates valid for more than 825 days.
    notAfterDate: new Date(now + 800 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dns.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, made.private, { mode: 0o600 });
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  return describe(made.cert, made.private, certPath, true);
}
