import { hostname, networkInterfaces } from 'node:os';
import type { Socket } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { PAGES, ROUTES } from '../../core/protocol/index.js';
import { refuse } from './api/http.js';
import { isLoopback, monotonicMs, plainAddress } from './limits.js';

/** The socket a request came in on (absent under app.request in tests). */
function socketOf(c: Context): (Socket & { encrypted?: boolean }) | undefined {
  return (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
}

/** `example.org:8710` → ['example.org', 8710]; `[::1]` → ['::1', undefined]; null when malformed. */
export function splitHost(host: string): [string, number | undefined] | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m?.[1]) return null;
  const name = m[1]
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return [name, m[2] === undefined ? undefined : Number(m[2])];
}

/** The machine's own names: loopback, its interface addresses and host name, and those given. */
export function ownNames(given: readonly string[]): Set<string> {
  const own = hostname().toLowerCase();
  const names = new Set(['localhost', '::1', own, `${own}.local`, ...given.map((n) => n.toLowerCase())]);
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) names.add(plainAddress(a.address).toLowerCase().replace(/%.*$/, ''));
  return names;
}

/**
 * Refuses (421) a request whose Host is not one of the machine's own names or addresses at the
 * port it came in on. A web page an attendee opens could otherwise rebind its own name to this
 * host's address (or to 127.0.0.1) and read or drive it from their browser: its requests carry
 * the page's name as Host. `--host-name` adds the names the venue's DNS gives the machine.
 */
export function hostCheck(given: readonly string[]): MiddlewareHandler {
  let names = ownNames(given);
  let read = monotonicMs();
  return async (c, next) => {
    // Interfaces change (DHCP, a cable plugged in): look again at most every 10 s.
    if (monotonicMs() - read > 10_000) {
      names = ownNames(given);
      read = monotonicMs();
    }
    // app.request (tests, no socket) sends no Host: its URL's host stands in.
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const split = splitHost(header);
    const socket = socketOf(c);
    const port = socket?.localPort;
    const defaultPort = socket?.encrypted ? 443 : 80;
    const nameOk = split !== null && (names.has(split[0]) || isLoopback(split[0]));
    const portOk = split !== null && (port === undefined || (split[1] ?? defaultPort) === port);
    if (nameOk && portOk) return next();
    const allowed = [...names].map((n) => (n.includes(':') ? `[${n}]` : n)).join(', ');
    return refuse(
      c,
      421,
      `this host does not answer to Host "${header.slice(0, 100)}": it answers as ${allowed}` +
        `${port !== undefined ? ` at port ${port}` : ''}; if that is its name on this network, start it with --host-name NAME`,
    );
  };
}

/** What a screen may do over plain HTTP from another machine: read, and report its heartbeat. */
function screenRequest(method: string, path: string): boolean {
  if (method === 'POST') return path === ROUTES.heartbeat;
  if (method !== 'GET' && method !== 'HEAD') return false;
  // Every read under /api/screens is the admin's (the list, the registry, a capture): it carries the token.
  return (
    path !== PAGES.admin &&
    path !== `${PAGES.admin}.html` &&
    path !== ROUTES.screens &&
    !path.startsWith(`${ROUTES.screens}/`)
  );
}

/**
 * Over plain HTTP (the screens' port for old TVs), a client off this machine may only be a
 * screen: the admin page, the screen list and every change are refused (403) with the HTTPS
 * address to use, so the token never crosses the venue's Wi-Fi in clear.
 */
export function httpsOnlyOffLoopback(httpsPort: () => number | null): MiddlewareHandler {
  return async (c, next) => {
    const socket = socketOf(c);
    if (!socket || socket.encrypted || isLoopback(socket.remoteAddress)) return next();
    if (screenRequest(c.req.method, c.req.path)) return next();
    const port = httpsPort();
    const name = splitHost(c.req.header('host') ?? '')?.[0] ?? 'this-host';
    const where =
      port === null
        ? 'the host machine itself'
        : `https://${name.includes(':') ? `[${name}]` : name}:${port}${c.req.path}`;
    return refuse(
      c,
      403,
      `the admin and every change need HTTPS from another machine (the token must not cross the network in clear): use ${where}`,
    );
  };
}
