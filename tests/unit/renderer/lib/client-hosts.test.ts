import { describe, expect, it } from 'vitest';
import { HostList, hostsFromQuery } from '../../../../renderer/lib/client-hosts.js';

describe('hostsFromQuery', () => {
  it.each([
    ['', []],
    ['?hosts=', []],
    ['?hosts=http://10.0.0.5:8710', ['http://10.0.0.5:8710']],
    ['?hosts=http://a:8710/,https://b:8711/lobby', ['http://a:8710', 'https://b:8711']],
    ['?hosts=javascript:alert(1),ftp://x,not a url,http://c:1', ['http://c:1']],
  ])('%s → %j', (search, want) => {
    expect(hostsFromQuery(search)).toEqual(want);
  });
});

describe('HostList', () => {
  it('stays on its host through one failure, moves on the second in a row, and comes round', () => {
    const hosts = new HostList('http://a:1', ['http://b:1']);
    hosts.learn(['http://c:1/', 'http://a:1']);
    expect(hosts.all).toEqual(['http://a:1', 'http://b:1', 'http://c:1']);
    expect(hosts.failed()).toBe(false);
    expect(hosts.current).toBe('http://a:1');
    expect(hosts.failed()).toBe(true);
    expect(hosts.current).toBe('http://b:1');
    hosts.failed();
    hosts.answered();
    expect(hosts.failed()).toBe(false);
    expect(hosts.current).toBe('http://b:1');
    hosts.failed();
    hosts.failed();
    hosts.failed();
    expect(hosts.current).toBe('http://a:1');
  });

  it('with one host only, it never moves', () => {
    const hosts = new HostList('http://a:1');
    for (let i = 0; i < 5; i++) expect(hosts.failed()).toBe(false);
    expect(hosts.current).toBe('http://a:1');
  });
});
