import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/static.js';
import { isHostUrl } from './guard.js';

/**
 * Every session (one per screen window) refuses every permission a page may ask for: signage
 * needs no camera, microphone, notifications, geolocation, USB, serial or clipboard.
 * It also adds the host's CSP to any response that comes without one (a host of another version
 * on --connect, an error page), so no page of a screen window ever runs without it.
 */
export function setupSessionSecurity(ses: Session, log: (line: string) => void): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    log(`security: refused permission "${permission}" asked by ${contents.getURL()}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const hasCsp = Object.keys(headers).some((k) => k.toLowerCase() === 'content-security-policy');
    if (hasCsp) callback({ responseHeaders: headers });
    else callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/**
 * A screen window only ever shows the host's own pages: navigation elsewhere, redirects
 * elsewhere, new windows and <webview> tags are all refused (and logged, so staff can see a
 * page that tries).
 */
export function guardNavigation(
  contents: WebContents,
  hostOrigin: string,
  log: (line: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isHostUrl(hostOrigin, url)) {
      event.preventDefault();
      log(`security: refused navigation to ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isHostUrl(hostOrigin, url)) {
      event.preventDefault();
      log(`security: refused redirect to ${url}`);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`security: refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * With --lan the host serves HTTPS with its own (often self-signed) certificate: the windows
 * accept exactly that certificate, pinned by its fingerprint, on the host's origin, and no other.
 */
export function pinCertificate(
  app: Pick<App, 'on'>,
  fingerprint: string,
  hostOrigin: string,
  log: (line: string) => void,
): void {
  const onCertificateError = (
    event: Electron.Event,
    _contents: WebContents,
    url: string,
    _error: string,
    certificate: Electron.Certificate,
    callback: (isTrusted: boolean) => void,
  ): void => {
    if (certificate.fingerprint === fingerprint && isHostUrl(hostOrigin, url)) {
      event.preventDefault();
      callback(true);
    } else {
      log(
        `security: refused the certificate of ${url} (${certificate.fingerprint}; the host's is ${fingerprint})`,
      );
      callback(false);
    }
  };
  // Not an opt-out of TLS validation: only the one pinned certificate, on the host's origin.
  app.on('certificate-error', onCertificateError); // eng-disable CERTIFICATE_ERROR_EVENT_JS_CHECK
}
