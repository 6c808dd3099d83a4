import { describe, expect, it } from 'vitest';
import { AdminApi } from '../../../../renderer/admin/api.js';
import { screenInfo } from './screen-info.js';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}) {
  return (async (url: string, init?: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  }) as typeof fetch;
}

describe('AdminApi', () => {
  it('posts with the bearer token and reads the accepted override', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = new AdminApi(() => 'tok', 'http://h', fakeFetch(201, { id: 3, revision: 3 }, seen));
    const res = await api.postOverride({ kind: 'alert', text: 'x' });
    expect(res).toEqual({ ok: true, value: { id: 3, revision: 3 } });
    expect(seen.url).toBe('http://h/api/overrides');
    expect((seen.init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('returns the host’s problems for the form', async () => {
    const body = { error: 'invalid delay', problems: [{ path: 'minutes', message: 'must not be 0' }] };
    const res = await new AdminApi(() => 't', '', fakeFetch(400, body)).postOverride({});
    expect(res).toEqual({ ok: false, status: 400, error: 'invalid delay', problems: body.problems });
  });

  it('says the token was refused on 401, even without a body', async () => {
    const res = await new AdminApi(() => 't', '', fakeFetch(401, undefined)).registry();
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.status).toBe(401);
      expect(res.error).toMatch(/refused the admin token \(401\)/);
    }
  });

  it('says the host is unreachable when fetch throws', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const res = await new AdminApi(() => 't', '', failing).revert(2);
    expect(res).toMatchObject({ ok: false, status: 0 });
    if (!res.ok) expect(res.error).toMatch(/Cannot reach the host/);
  });

  it('reads the registry: its screens, cap and refusals, from its own route', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const screen = screenInfo({ screen: 'a', room: 'winchester', revision: 1, lastSeen: 5 });
    const body = { screens: [screen], cap: 3, perAddress: 50, replaceable: 0, refused: [] };
    const res = await new AdminApi(() => 't', 'http://h', fakeFetch(200, body, seen)).registry();
    expect(res).toEqual({ ok: true, value: body });
    expect(seen.url).toBe('http://h/api/screens/registry');
  });

  it('uploads a schedule as the raw body, its name in the query, not as JSON', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const api = new AdminApi(() => 'tok', 'http://h', fakeFetch(400, { error: 'no', problems: [] }, seen));
    await api.upload('my schedule.xml', '<schedule/>');
    expect(seen.url).toBe('http://h/api/program/upload?name=my%20schedule.xml');
    expect(seen.init?.body).toBe('<schedule/>');
    expect((seen.init?.headers as Record<string, string>)['Content-Type']).toBe('text/plain');
    await api.upload('s.json', '{}', 'Europe/Zurich');
    expect(seen.url).toBe('http://h/api/program/upload?name=s.json&zone=Europe%2FZurich');
  });
  it('trusts the host’s answer but not a body that is no JSON object (a proxy’s page)', async () => {
    const html = (async () => new Response('<html>gateway</html>', { status: 200 })) as typeof fetch;
    const res = await new AdminApi(() => 't', '', html).program();
    expect(res).toMatchObject({ ok: false, status: 200 });
    if (!res.ok) expect(res.error).toBe('The host answered /api/program with an unexpected body');
  });

  it.each([
    ['no problems list', { error: 'bad' }, []],
    [
      'a list of odd things',
      { error: 'bad', problems: [3, { path: 1 }, { path: 'x', message: 'm' }] },
      [{ path: 'x', message: 'm' }],
    ],
  ])('reads a refusal with %s', async (_, body, problems) => {
    const res = await new AdminApi(() => 't', '', fakeFetch(409, body)).revert(1);
    expect(res).toEqual({ ok: false, status: 409, error: 'bad', problems });
  });

  it('says the host gave no reason when its refusal has no error text', async () => {
    const res = await new AdminApi(() => 't', '', fakeFetch(500, { problems: [] })).settings();
    expect(res).toEqual({
      ok: false,
      status: 500,
      error: 'The host answered 500 without saying why',
      problems: [],
    });
  });
});
