import { readFile, stat } from 'node:fs/promises';
import { readCapped } from './read-capped.js';

/** What asking the source gave: its text and validators, or "not modified since". */
export type Fetched =
  { kind: 'text'; text: string; etag?: string; lastModified?: string } | { kind: 'not-modified' };

/** A fetch that gave nothing usable; the message says why, for the admin. */
export class FetchFailure extends Error {
  override name = 'FetchFailure';
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  etag?: string;
  lastModified?: string;
}

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** Fetches a URL or reads a file, conditionally: the validators of the last good answer skip an unchanged one. */
export function fetchSource(source: string, o: FetchOptions): Promise<Fetched> {
  return isUrl(source) ? fetchUrl(source, o) : readSourceFile(source, o);
}

const mb = (n: number) => `${Math.round(n / 1e5) / 10} MB`;

async function fetchUrl(url: string, o: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/xml, text/xml, text/calendar;q=0.9, */*;q=0.5',
  };
  if (o.etag) headers['If-None-Match'] = o.etag;
  if (o.lastModified) headers['If-Modified-Since'] = o.lastModified;
  const signal = AbortSignal.timeout(o.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (e) {
    throw new FetchFailure(networkReason(e, o.timeoutMs));
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { kind: 'not-modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchFailure(
      `the source answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
    );
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > o.maxBytes) {
    await res.body?.cancel();
    throw new FetchFailure(
      `the answer is ${mb(declared)}, more than the ${mb(o.maxBytes)} a schedule may be`,
    );
  }
  let bytes: Uint8Array;
  try {
    const read = await readCapped(res, o.maxBytes);
    if (read === null)
      throw new FetchFailure(
        `the answer is more than the ${mb(o.maxBytes)} a schedule may be; stopped reading`,
      );
    bytes = read;
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    throw new FetchFailure(
      signal.aborted
        ? `the answer did not arrive in full within ${o.timeoutMs / 1000} s`
        : `the answer was cut off before its end (${(e as Error).message})`,
    );
  }
  if (Number.isFinite(declared) && bytes.byteLength !== declared)
    throw new FetchFailure(`the answer was cut off: ${bytes.byteLength} of ${declared} bytes`);
  return {
    kind: 'text',
    text: new TextDecoder('utf-8').decode(bytes),
    ...(res.headers.get('etag') ? { etag: res.headers.get('etag') as string } : {}),
    ...(res.headers.get('last-modified') ? { lastModified: res.headers.get('last-modified') as string } : {}),
  };
}

function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `no answer within ${timeoutMs / 1000} s (timeout)`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'no answer: the connection was refused (is the server up?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no answer: the host name does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'no answer: the connection was closed';
  return `no answer (${err.cause?.message ?? err.message})`;
}

async function readSourceFile(path: string, o: FetchOptions): Promise<Fetched> {
  let size: number;
  let validator: string;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new FetchFailure(`${path} is not a file`);
    size = st.size;
    validator = `${st.size}-${st.mtimeMs}`;
  } catch (e) {
    if (e instanceof FetchFailure) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new FetchFailure(`${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  // A file has no ETag: its size and modification time stand in for one.
  if (o.etag === validator) return { kind: 'not-modified' };
  if (size > o.maxBytes)
    throw new FetchFailure(`${path} is ${mb(size)}, more than the ${mb(o.maxBytes)} a schedule may be`);
  try {
    return { kind: 'text', text: await readFile(path, 'utf8'), etag: validator };
  } catch (e) {
    throw new FetchFailure(`${path}: ${(e as Error).message}`);
  }
}
