/**
 * The admin's catalogue: its sentences that carry meaning under pressure (what a change does, what
 * an undo restores, what the host knows). The admin stays English (issue 14); the screens' own
 * catalogues are renderer/lib/i18n/ (en, de, ja), whose language staff set here (`language`).
 * Each panel's words are in strings/ (one file a few panels); this is their one index.
 */
import { CHANGE, LOG, ROOM_STATUS } from './strings/change.js';
import { CLOCK, CLUSTER, HEADER, TOKEN } from './strings/page.js';
import { PROGRAM, SESSIONS } from './strings/program.js';
import { ALARMS, EDITOR, PREVIEW, SCREENS } from './strings/registry.js';
import { CUSTOM, LOOP, SETTINGS } from './strings/screens.js';

const min = (n: number) => `${Math.abs(n)} min`;

export const TEXT = {
  header: HEADER,
  token: TOKEN,
  clock: CLOCK,
  cluster: CLUSTER,
  program: PROGRAM,
  sessions: SESSIONS,
  change: CHANGE,
  log: LOG,
  roomStatus: ROOM_STATUS,
  settings: SETTINGS,
  loop: LOOP,
  custom: CUSTOM,
  screens: SCREENS,
  editor: EDITOR,
  alarms: ALARMS,
  preview: PREVIEW,
  loading: 'Loading the program from the host…',
  /** A panel whose body is fetched at its first opening could not fetch it. */
  notLoaded: (e: unknown) =>
    `This panel could not be loaded from the host (${e instanceof Error ? e.message : String(e)}): is hallway still running? Close and open it again to retry.`,
  problems: (lacks: string[]) => `The log names things this program lacks: ${lacks.join('; ')}`,
  delay: {
    state: (m: number) => (m === 0 ? 'on time' : m > 0 ? `${min(m)} late` : `${min(m)} early`),
    unchanged: (m: number) =>
      `already ${m === 0 ? 'on time' : m > 0 ? `${min(m)} late` : `${min(m)} early`}: type how late it runs in total`,
    total: 'Minutes late in total (negative: early)',
    hint: 'The total, not the change: it replaces any earlier delay of this session.',
    cascade: 'Shift the later sessions in this room that day too',
    overlap: 'This delay makes sessions overlap in their room:',
  },
  done: (revision: number, showing: number, connected: number) =>
    connected === 0
      ? `The host took #${revision}; no screen is connected to show it.`
      : `The host took #${revision}; ${showing} of ${connected} connected screens show it yet.`,
  undo: {
    ask: (what: string) => `Undo this? ${what}`,
    yes: 'Yes, undo',
    no: 'Keep it',
    anyway: 'Undo anyway (both sessions in that room)',
    refused: (error: string) => `The host refused the undo: ${error}`,
    ok: (target: number, revision: number) => `Undid #${target} (logged as #${revision}).`,
  },
  slides: {
    title: 'Loop & slides',
    hint: 'what each screen shows, in what order, for how long',
    ownLoop: 'This room runs its own loop.',
    sharedLoop: "This room runs every room's loop.",
    customHint: 'Each shows where a loop names it, when its schedule says (venue time).',
    unknownKind: (slide: string) => `${slide} (unknown here: a screen leaves it out)`,
    noSuchSlide: (slide: string) => `${slide} (no such slide: save would be refused)`,
    saved: (revision: number) => `Saved as revision ${revision}: every screen runs it now.`,
  },
  live: {
    title: 'Live now',
    kind: { alert: 'Alert', announce: 'Notice', cancel: 'Cancelled', delay: 'Delay', move: 'Move' },
    endAlert: 'End alert',
    empty: 'Nothing changed is live: the screens show the printed program.',
    end: 'End',
  },
  language: {
    title: 'Screen language',
    primary: 'Language',
    secondary: 'Second language (bilingual)',
    none: 'none',
    hint: 'Bilingual screens show each slide in the first language, then from half-way in the second. A screen set in the registry, or opened with ?lang=, keeps its own.',
    save: 'Set language',
    saved: (what: string) => `The screens now speak ${what}.`,
    refused: (error: string) => `The host refused the language: ${error}`,
  },
  stage: {
    title: 'On stage now',
    estimated: '(estimated)',
    between: 'between talks',
    backIn: (room: string) => `Back in ${room}`,
    nextIn: (room: string, next: string | null) => `Next talk in ${room}${next ? `: ${next}` : ''}`,
    empty: 'No block of several talks is on now.',
    next: 'Next talk ▶',
    back: '◀ Back',
  },
  tracks: {
    /** Beside a track staff gave no colour: the screens show the schedule's own. */
    fromSchedule: 'the schedule’s colour',
    unset: 'no colour',
    useSchedule: 'Use the schedule’s',
    clear: 'Clear',
  },
  thumbs: {
    frameTitle: (screen: string) => `What ${screen} shows`,
    admin: 'admin',
    notAssigned: 'not assigned',
    silent: 'SILENT',
    behind: (shown: number, host: number) =>
      `It reports revision #${shown}; the host is at #${host}: the thumbnail draws the host's.`,
    captureTitle: (when: string) => `Capture of the window, taken ${when}: click to enlarge`,
    captureAlt: (screen: string) => `Capture of ${screen}`,
    captured: (screen: string, when: string) => `${screen}, captured ${when}`,
    count: (used: number, cap: number) => `${used} of ${cap}`,
    registry: 'Screen registry',
    full: (used: number, cap: number) => `The screen registry is full: ${used} of ${cap} screens.`,
    replaceable: (n: number) =>
      `A new screen takes the place of the longest-silent one nobody assigned (${n} ${n === 1 ? 'is' : 'are'} silent and unassigned).`,
    refused: (n: number, names: string) =>
      `${n} ${n === 1 ? 'screen was' : 'screens were'} refused in the last minute and ${n === 1 ? 'is' : 'are'} not listed: ${names}.`,
    perAddress: (address: string, limit: number) =>
      `${address} already reports ${limit} screens, the most one address may.`,
    whatToDo:
      'Forget the screens no longer in use (Forget on a silent one in the list below, or Assign… → Forget), or start the host with a higher cap: hallway serve --max-screens N.',
    forget: 'Forget',
    forgetTitle:
      'Drop this silent screen from the registry: its place is free (it is listed again if it beats)',
  },
} as const;

export type AdminMessages = typeof TEXT;
