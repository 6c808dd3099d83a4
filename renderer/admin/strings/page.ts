/** The admin's frame: its header, the token gate, the host clock and the cluster panel. */

export const HEADER = {
  jumpTo: 'Jump to',
  skip: {
    search: 'Sessions',
    live: 'Live now',
    overrides: 'Change',
    stage: 'On stage',
    clock: 'Clock',
    preview: 'Preview',
    log: 'Log',
    screens: 'Screens',
  },
  title: 'Hallway admin',
  connected: 'Connected',
  offline: 'Host unreachable — showing the last known program',
  revision: (n: number) => `revision #${n}`,
  search: 'search',
  alt: 'Alt',
  changeKind: 'change kind',
} as const;

export const TOKEN = {
  once: 'Type the admin token once; this browser keeps it.',
  label: 'Admin token',
  serve: 'hallway serve',
  inUrl: 'prints it in the admin URL;',
  again: 'hallway token',
  printsAgain: 'prints it again.',
  use: 'Use this token',
} as const;

export const CLOCK = {
  title: 'Host clock',
  unknown: 'unknown',
  real: 'real time',
  paused: 'simulated, paused',
  simulated: (rate: number) => `simulated ×${rate}`,
  badInstant: 'must be a date and time, like 2019-05-20 10:30',
  instant: 'Instant (venue time)',
  rate: 'Rate (1 = real speed, 0 = still)',
  set: 'Set clock',
  setTo: (at: string) => `Clock set to ${at} venue time`,
  rateOnly: 'Set rate only',
  rateSet: (rate: number) => `Rate set to ×${rate}`,
  pause: 'Pause',
  pausedNow: 'Clock paused',
  resume: 'Resume',
  resumed: 'Clock resumed',
  realTime: 'Real time',
  backToReal: 'Back to real time',
} as const;

export const CLUSTER = {
  title: (stream: string) => `Cluster: stream ${stream}`,
  stream: (messages: number | undefined, lastRevision: number | undefined, connectedTo: string) =>
    `${messages ?? '?'} entries, last revision #${lastRevision ?? '?'}; this host talks to NATS at ${connectedTo}`,
  node: (name: string, leader: boolean, answers: boolean) =>
    `${name}${leader ? ' (leader)' : ''}: ${answers ? 'answers' : 'NOT answering'}`,
  host: 'Host',
  shows: 'Shows',
  screens: 'Its screens',
  self: ' (this one)',
} as const;
