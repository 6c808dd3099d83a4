import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { pinCertificate } from '../../../../electron/shell/security.js';

describe('pinCertificate', () => {
  const PIN = 'sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
  const ORIGIN = 'https://192.0.2.2:8710';

  it.each([
    ['the host certificate on the host', PIN, `${ORIGIN}/room/winchester`, true],
    ['another certificate on the host', 'sha256/BBBB', `${ORIGIN}/admin`, false],
    ['the host certificate elsewhere', PIN, 'https://evil.example/', false],
  ])('%s: accepted=%s', (_, fingerprint, url, accepted) => {
    const app = new EventEmitter();
    const lines: string[] = [];
    pinCertificate(app as unknown as Pick<App, 'on'>, PIN, ORIGIN, (l) => lines.push(l));
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    app.emit(
      'certificate-error',
      event,
      {},
      url,
      'net::ERR_CERT_AUTHORITY_INVALID',
      { fingerprint },
      callback,
    );
    expect(callback).toHaveBeenCalledWith(accepted);
    expect(event.preventDefault).toHaveBeenCalledTimes(accepted ? 1 : 0);
    expect(lines).toHaveLength(accepted ? 0 : 1);
  });
});
