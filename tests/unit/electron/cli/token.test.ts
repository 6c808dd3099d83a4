import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/host/store.js';
import { cli, scratch } from './helpers.js';

describe('hallway token', () => {
  it('prints the same token until --rotate replaces it', async () => {
    const dir = scratch('hallway-token-');
    const first = await cli('token', '--data', dir);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await cli('token', '--data', dir)).out).toBe(first.out);
    const rotated = await cli('token', '--data', dir, '--rotate');
    expect(rotated.out).not.toBe(first.out);
    expect(rotated.err).toContain('no longer works');
    expect(openStore(dir, () => {}).get('token')).toBe(rotated.out);
  });
});
