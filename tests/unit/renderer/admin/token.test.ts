import { describe, expect, it } from 'vitest';
import {
  hashWithoutToken,
  takeToken,
  TOKEN_KEY,
  tokenFromBridge,
  tokenFromHash,
} from '../../../../renderer/admin/token.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('tokenFromHash', () => {
  it.each([
    ['#token=abc', 'abc'],
    ['#x=1&token=a%2Bb', 'a+b'],
    ['#token=', null],
    ['', null],
    ['#other=1', null],
  ])('%s → %s', (hash, want) => {
    expect(tokenFromHash(hash)).toBe(want);
  });
});

describe('hashWithoutToken', () => {
  it.each([
    ['#token=abc', ''],
    ['#x=1&token=abc', '#x=1'],
    ['', ''],
  ])('%s → %s', (hash, want) => {
    expect(hashWithoutToken(hash)).toBe(want);
  });
});

describe('takeToken', () => {
  it('keeps the fragment token and scrubs it from the URL', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const token = takeToken({
      location: { hash: '#token=s3cret', pathname: '/admin', search: '?a=1' },
      history: {
        replaceState: (_d: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
      storage,
    });
    expect(token).toBe('s3cret');
    expect(storage.data.get(TOKEN_KEY)).toBe('s3cret');
    expect(replaced).toEqual(['/admin?a=1']);
  });

  it('falls back to the kept token and leaves the URL alone', () => {
    const replaced: string[] = [];
    const token = takeToken({
      location: { hash: '', pathname: '/admin', search: '' },
      history: { replaceState: () => void replaced.push('x') },
      storage: memoryStorage({ [TOKEN_KEY]: 'kept' }),
    });
    expect(token).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('answers null when there is no token anywhere', () => {
    const token = takeToken({
      location: { hash: '', pathname: '/admin', search: '' },
      history: { replaceState: () => undefined },
      storage: null,
    });
    expect(token).toBeNull();
  });
});

describe('tokenFromBridge', () => {
  it.each([
    ['no bridge (a plain browser)', undefined, null],
    ['a bridge without adminToken (a room window)', {}, null],
    ['the token', { adminToken: () => Promise.resolve(' s3cret ') }, 's3cret'],
    ['a refusal', { adminToken: () => Promise.resolve(null) }, null],
    ['a failing bridge', { adminToken: () => Promise.reject(new Error('no handler')) }, null],
  ])('%s → %s', async (_, bridge, token) => {
    expect(await tokenFromBridge(bridge)).toBe(token);
  });
});
