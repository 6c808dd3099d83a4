import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTls } from '../../../../electron/host/tls.js';
import { tempDir } from './helpers.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('loadTls', () => {
  it('makes a self-signed certificate for the names at the first start, and keeps it', async () => {
    const dir = tempDir('hallway-tls-');
    const made = await loadTls(dir, {}, ['localhost', '127.0.0.1', '::1', 'hallway.venue.example'], NOW);
    expect(made.made).toBe(true);
    expect(made.certPath).toBe(join(dir, 'tls', 'cert.pem'));
    expect(statSync(join(dir, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);
    const x = new X509Certificate(made.cert);
    expect(x.subjectAltName).toContain('DNS:hallway.venue.example');
    expect(x.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x.fingerprint256).toBe(made.fingerprint);
    expect(made.electronFingerprint).toMatch(/^sha256\/[A-Za-z0-9+/]{43}=$/);
    const kept = await loadTls(dir, {}, ['localhost'], NOW);
    expect(kept).toMatchObject({ made: false, fingerprint: made.fingerprint });
  });

  it('makes a new one once the kept one has expired', async () => {
    const dir = tempDir('hallway-tls-');
    const first = await loadTls(dir, {}, ['localhost'], NOW);
    const later = await loadTls(dir, {}, ['localhost'], NOW + 900 * 86_400_000);
    expect(later.made).toBe(true);
    expect(later.fingerprint).not.toBe(first.fingerprint);
  });

  it('serves the files given, and says which one is wrong', async () => {
    const dir = tempDir('hallway-tls-');
    const made = await loadTls(dir, {}, ['localhost'], NOW);
    const cert = join(dir, 'given.pem');
    writeFileSync(cert, readFileSync(made.certPath));
    const given = await loadTls(tempDir('hallway-tls-'), { cert, key: join(dir, 'tls', 'key.pem') }, [], NOW);
    expect(given).toMatchObject({ made: false, certPath: cert, fingerprint: made.fingerprint });
    await expect(loadTls(dir, { cert }, [], NOW)).rejects.toThrow(/--tls-cert and --tls-key together/);
    await expect(loadTls(dir, { cert: join(dir, 'nope.pem'), key: cert }, [], NOW)).rejects.toThrow(
      /--tls-cert .*nope\.pem: cannot read the certificate/,
    );
    writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
    await expect(loadTls(dir, { cert: join(dir, 'junk.pem'), key: cert }, [], NOW)).rejects.toThrow(
      /junk\.pem: not a PEM certificate/,
    );
  });
});
