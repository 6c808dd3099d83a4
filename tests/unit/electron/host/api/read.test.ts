import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../../../core/protocol/index.js';
import { type TestHost, testHost } from '../helpers.js';

describe('GET /api/lobby window', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await testHost();
  });
  afterAll(() => t.close());

  it.each([
    ['a window of one day', 'from=2019-05-20T08:00:00-07:00&until=2019-05-21T08:00:00-07:00', 200, null],
    [
      'from years before at',
      'at=2019-05-20T10:00:00-07:00&from=2014-01-01T00:00:00Z',
      400,
      { path: 'from', message: 'must be within 7 days of at' },
    ],
    [
      'until years after the host clock',
      'until=9999-01-01T00:00:00Z',
      400,
      { path: 'until', message: 'must be within 7 days of at' },
    ],
  ])('%s', async (_, query, status, problem) => {
    const res = await t.api('GET', `${ROUTES.lobby}?${query}`);
    expect(res.status).toBe(status);
    if (problem) expect(res.json.problems).toEqual([problem]);
    else expect(res.json.rows.length).toBe(48);
  });

  it('keeps the store (which holds the admin token) readable by its owner only', () => {
    expect(statSync(join(t.dataDir, 'config.json')).mode & 0o777).toBe(0o600);
  });
});
