import { describe, expect, it } from 'vitest';
import { DEMO_CLOCK, parseShellArgs, serveArgs } from '../../../../electron/shell/args.js';

describe('parseShellArgs', () => {
  it('takes hallway serve options and the shell own', () => {
    const r = parseShellArgs([
      '--port',
      '0',
      '--data=/tmp/x',
      '--program',
      'p.json',
      '--lan',
      '--kiosk',
      '--config',
      'd.json',
    ]);
    expect(r).toEqual({
      ok: true,
      ignored: [],
      options: {
        port: 0,
        data: '/tmp/x',
        program: 'p.json',
        lan: true,
        kiosk: true,
        demo: false,
        config: 'd.json',
      },
    });
  });

  it('--demo starts the simulated clock at 10:25 venue time, rate 1, unless told otherwise', () => {
    const r = parseShellArgs(['--demo']);
    expect(r.ok && r.options).toMatchObject({ demo: true, clock: DEMO_CLOCK, rate: 1 });
    const own = parseShellArgs(['--demo', '--clock', '2019-05-20T13:45:00-07:00', '--rate', '60']);
    expect(own.ok && own.options).toMatchObject({ clock: '2019-05-20T13:45:00-07:00', rate: 60 });
  });

  it('--connect keeps only the origin of the host', () => {
    const r = parseShellArgs(['--connect', 'http://10.0.0.5:8710/lobby']);
    expect(r.ok && r.options.connect).toEqual(['http://10.0.0.5:8710']);
  });

  it.each([
    [
      'two hosts of a cluster',
      'http://10.0.0.5:8710,https://10.0.0.6:8711/',
      ['http://10.0.0.5:8710', 'https://10.0.0.6:8711'],
    ],
    ['spaces and a trailing comma', ' http://a:8710 , http://b:8710 ,', ['http://a:8710', 'http://b:8710']],
    ['the same host twice', 'http://a:8710,http://a:8710/lobby', ['http://a:8710']],
  ])('--connect takes several hosts, comma-separated: %s', (_, value, want) => {
    const r = parseShellArgs(['--connect', value]);
    expect(r.ok && r.options.connect).toEqual(want);
  });

  it.each([
    ['one bad of two', 'http://10.0.0.5:8710,ftp://x', /"ftp:\/\/x" is not a host address/],
    ['two bad', 'nope,http://a:1,10.0.0.6', /"nope", "10\.0\.0\.6" is not a host address/],
    ['only commas', ',,', /",," is not a host address/],
  ])('--connect names the address it cannot use: %s', (_, value, want) => {
    const r = parseShellArgs(['--connect', value]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(want)]);
  });

  it('leaves Chromium switches alone', () => {
    const r = parseShellArgs(['--inspect=0', '--remote-debugging-port=0', '--port', '8710']);
    expect(r).toMatchObject({
      ok: true,
      ignored: ['--inspect=0', '--remote-debugging-port=0'],
      options: { port: 8710 },
    });
  });

  it('names every bad option and says what to write', () => {
    const r = parseShellArgs([
      '--port',
      'eighty',
      '--rate',
      '-1',
      '--clock',
      '10:25',
      '--connect',
      'ftp://x',
      '--data',
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.slice(0, e.indexOf(':')))).toEqual([
      '--port',
      '--rate',
      '--clock',
      '--connect',
      '--data',
    ]);
    expect(r.errors[2]).toContain(DEMO_CLOCK);
  });

  it('--connect refuses options that belong to the host', () => {
    const r = parseShellArgs(['--connect', 'http://10.0.0.5:8710', '--program', 'p.json']);
    expect(r.ok).toBe(false);
  });
});

describe('serveArgs', () => {
  it('passes the host options to hallway serve and drops the shell-only ones', () => {
    const r = parseShellArgs(['--demo', '--port', '0', '--data', '/tmp/d', '--kiosk', '--config', 'c.json']);
    expect(r.ok && serveArgs(r.options)).toEqual([
      '--data',
      '/tmp/d',
      '--port',
      '0',
      '--clock',
      DEMO_CLOCK,
      '--rate',
      '1',
    ]);
  });
});

describe('--follow and --every', () => {
  it('pass through to hallway serve (npm start / npm run demo where Electron is missing)', () => {
    const r = parseShellArgs(['--demo', '--follow', 'https://pretalx.example/s.json', '--every', '30s']);
    expect(r.ok && r.options).toMatchObject({ follow: 'https://pretalx.example/s.json', everyMs: 30_000 });
    expect(r.ok && serveArgs(r.options).slice(-4)).toEqual([
      '--follow',
      'https://pretalx.example/s.json',
      '--every',
      '30000ms',
    ]);
  });

  it.each([
    ['2', '--every must be a duration with its unit, like 30s, 2m or 10m (got "2")'],
    ['0s', '--every must be from 1s to 24h (got "0s")'],
    ['2d', '--every must be a duration with its unit, like 30s, 2m or 10m (got "2d")'],
  ])('--every %s is refused: %s', (every, error) => {
    expect(parseShellArgs(['--follow', 'x.xml', '--every', every])).toEqual({ ok: false, errors: [error] });
  });

  it.each([
    ['Europe/Zurich', { ok: true }],
    [
      'Mars/Olympus',
      { ok: false, errors: ['--zone: "Mars/Olympus" is not an IANA time zone; use one like Europe/Berlin'] },
    ],
  ])('--zone %s for a schedule that names none', (zone, want) => {
    const r = parseShellArgs(['--follow', 'x.json', '--zone', zone]);
    expect(r).toMatchObject(want);
    if (r.ok) expect(serveArgs(r.options).slice(-2)).toEqual(['--zone', zone]);
  });

  it('--connect with --follow is refused: the host elsewhere owns the program', () => {
    const r = parseShellArgs(['--connect', 'http://10.0.0.5:8710', '--follow', 'x.xml']);
    expect(r.ok).toBe(false);
  });
});

describe('--cluster', () => {
  it.each([
    [
      'nats://10.0.0.2:4222,nats://10.0.0.3:4222',
      { cluster: ['nats://10.0.0.2:4222', 'nats://10.0.0.3:4222'] },
    ],
    ['http://10.0.0.2:4222', /"http:\/\/10\.0\.0\.2:4222" is not nats:\/\/HOST:PORT/],
    ['nats://10.0.0.2', /is not nats:\/\/HOST:PORT/],
  ])('%s', (value, want) => {
    const r = parseShellArgs(['--cluster', value]);
    if (want instanceof RegExp) expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(want)]);
    else {
      expect(r).toMatchObject({ ok: true, options: want });
      if (r.ok) expect(serveArgs(r.options)).toEqual(['--cluster', value]);
    }
  });
});
