import type { JournalEntry, OverrideInput } from '../../core/overrides/schema.js';
import type { Program } from '../../core/program/schema.js';
import { roomName } from './sessions.js';
import { DateTime } from 'luxon';
import { formatClock } from '../../core/time/venue.js';

/** One line of the admin's log, newest first. */
export interface LogRow {
  revision: number;
  /** Venue time the host accepted it ("10:31 AM"). */
  time: string;
  type: JournalEntry['type'];
  kind: OverrideInput['kind'] | 'revert' | 'clock' | 'program' | 'settings' | 'screen';
  text: string;
  /** Revision of the revert that undid this override. */
  revertedBy: number | null;
  canUndo: boolean;
}

type Names = Pick<Program, 'rooms' | 'sessions'>;

function sessionTitle(p: Names, id: string | undefined): string {
  if (id === undefined) return '';
  const s = p.sessions.find((x) => x.id === id);
  return s ? `“${s.title}”` : id;
}

function talkTitle(p: Names, id: string | undefined): string {
  if (id === undefined) return '';
  for (const s of p.sessions) {
    const t = s.talks.find((x) => x.id === id);
    if (t) return `talk “${t.title}”`;
  }
  return `talk ${id}`;
}

const target = (p: Names, o: { session?: string; talk?: string }) =>
  o.talk !== undefined ? talkTitle(p, o.talk) : sessionTitle(p, o.session);

const withNote = (note: string | undefined) => (note ? ` — ${note}` : '');

export function describeOverride(p: Names, o: OverrideInput, zone: string): string {
  switch (o.kind) {
    case 'cancel':
      return `Cancel ${target(p, o)}${withNote(o.note)}`;
    case 'delay': {
      const sign = o.minutes > 0 ? '+' : '−';
      return `Delay ${sessionTitle(p, o.session)} ${sign}${Math.abs(o.minutes)} min${o.cascade ? ', later sessions too' : ''}`;
    }
    case 'move':
      return `Move ${sessionTitle(p, o.session)} to ${roomName(p, o.room)}${o.force ? ' (forced)' : ''}`;
    case 'edit': {
      const parts = [
        o.title !== undefined ? `title “${o.title}”` : '',
        o.speakers !== undefined ? `speakers ${o.speakers.map((s) => s.name).join(', ') || '(none)'}` : '',
        o.note !== undefined ? `note “${o.note}”` : '',
      ].filter(Boolean);
      return `Edit ${target(p, o)}: ${parts.join('; ')}`;
    }
    case 'now-speaking':
      return `Now speaking in ${sessionTitle(p, o.session)}: ${talkTitle(p, o.talk)}`;
    case 'announce': {
      const where = o.rooms ? o.rooms.map((r) => roomName(p, r)).join(', ') : 'all screens';
      const when = [
        o.from ? `from ${venueHm(o.from, zone)}` : '',
        o.until ? `until ${venueHm(o.until, zone)}` : '',
      ].filter(Boolean);
      return `Announce “${o.text}” on ${where}${when.length ? ` ${when.join(' ')}` : ''}`;
    }
    case 'alert':
      return `ALERT “${o.text}”`;
    case 'room-status':
      return `${roomName(p, o.room)}: ${ROOM_STATUS_TEXT[o.status]}${o.until ? ` until ${venueHm(o.until, zone)}` : ''}`;
  }
}

const ROOM_STATUS_TEXT = { open: 'open', filling: 'filling up', full: 'full' } as const;

function venueHm(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale('en-US').toFormat('h:mm a');
}

function describeClock(e: Extract<JournalEntry, { type: 'clock' }>, zone: string): string {
  const c = e.clock;
  if (c.mode === 'real') return 'Clock back to real time';
  const at = DateTime.fromMillis(c.anchorSim, { zone, locale: 'en-US' }).toFormat('ccc h:mm a');
  return c.rate === 0 ? `Clock paused at ${at}` : `Clock set to ${at}, ×${c.rate}`;
}

const SCREEN_VERB = { reload: 'Reload', identify: 'Identify', forget: 'Forget' } as const;

function describeScreens(p: Names, e: Extract<JournalEntry, { type: 'screen' }>): string {
  const who = e.screens.length === 1 ? `screen “${e.screens[0]}”` : `${e.screens.length} screens`;
  if (e.action !== 'assign') return `${SCREEN_VERB[e.action]} ${who}`;
  const a = e.assignment;
  const parts = [
    a === undefined
      ? ''
      : a === null
        ? 'shows what its address says'
        : (a.page === 'lobby' ? 'shows the lobby' : `shows ${roomName(p, a.room ?? '')}`) +
          (a.location ? `, stands at “${a.location}”` : ''),
    e.group === undefined ? '' : e.group === null ? 'no group' : `group “${e.group}”`,
  ].filter(Boolean);
  return `Screen ${who.replace(/^screen /, '')}: ${parts.join('; ') || 'unchanged'}`;
}

export function logRows(entries: readonly JournalEntry[], program: Names, zone: string): LogRow[] {
  const revertedBy = new Map<number, number>();
  for (const e of entries) if (e.type === 'revert') revertedBy.set(e.target, e.revision);
  const overrides = new Map<number, OverrideInput>();
  for (const e of entries) if (e.type === 'override') overrides.set(e.revision, e.override);
  const textOf = (e: JournalEntry): string => {
    switch (e.type) {
      case 'override':
        return describeOverride(program, e.override, zone);
      case 'revert':
        return undoText(program, e.target, overrides.get(e.target), zone);
      case 'program':
        return `program updated from ${e.source}: ${e.summary}`;
      case 'settings':
        return 'Screen settings changed';
      case 'screen':
        return describeScreens(program, e);
      case 'clock':
        return describeClock(e, zone);
    }
  };
  const rows = entries.map((e): LogRow => {
    // Only an override can be undone, and only once: a revert, clock or program entry stays.
    const by = e.type === 'override' ? (revertedBy.get(e.revision) ?? null) : null;
    return {
      revision: e.revision,
      time: venueHm(e.at, zone),
      type: e.type,
      kind: e.type === 'override' ? e.override.kind : e.type,
      text: textOf(e),
      revertedBy: by,
      canUndo: e.type === 'override' && by === null,
    };
  });
  return rows.sort((a, b) => b.revision - a.revision);
}

function undoText(p: Names, target: number, o: OverrideInput | undefined, zone: string): string {
  return o ? `Undo #${target}: ${describeOverride(p, o, zone)}` : `Undo #${target}`;
}

/**
 * What undoing `entry` gives back, said before staff confirm. A move goes back to the room the
 * session had before it: the latest earlier move of it still standing, else the printed room.
 */
export function restoreText(
  p: Pick<Program, 'rooms' | 'sessions' | 'conference'>,
  entry: Extract<JournalEntry, { type: 'override' }>,
  entries: readonly JournalEntry[],
): string {
  const o = entry.override;
  switch (o.kind) {
    case 'cancel':
      return `${target(p, o)} is on again${o.note ? `; the note “${o.note}” goes` : ''}.`;
    case 'delay': {
      const s = p.sessions.find((x) => x.id === o.session);
      const back = s ? ` (starts ${formatClock(p, Date.parse(s.start) - o.minutes * 60_000)})` : '';
      const way = o.minutes > 0 ? 'earlier' : 'later';
      return `${sessionTitle(p, o.session)} runs ${Math.abs(o.minutes)} min ${way} again${back}${o.cascade ? ', and the later sessions of its room with it' : ''}.`;
    }
    case 'move':
      return `${sessionTitle(p, o.session)} goes back to ${roomName(p, roomBefore(p, entry, entries))}.`;
    case 'edit':
      return `${target(p, o)} gets back its ${[o.title !== undefined ? 'title' : '', o.speakers !== undefined ? 'speakers' : '', o.note !== undefined ? 'note' : ''].filter(Boolean).join(', ')} as before.`;
    case 'now-speaking':
      return `The “now speaking” of ${sessionTitle(p, o.session)} goes back to what it was before.`;
    case 'announce':
      return `The announcement “${o.text}” comes off the screens.`;
    case 'alert':
      return `The alert “${o.text}” comes off every screen.`;
    case 'room-status':
      return `${roomName(p, o.room)} goes back to what it showed before.`;
  }
}

function roomBefore(
  p: Pick<Program, 'sessions'>,
  entry: Extract<JournalEntry, { type: 'override' }>,
  entries: readonly JournalEntry[],
): string | null {
  const session = entry.override.kind === 'move' ? entry.override.session : '';
  const reverted = new Set(entries.flatMap((e) => (e.type === 'revert' ? [e.target] : [])));
  const earlier = entries.filter(
    (e): e is Extract<JournalEntry, { type: 'override' }> =>
      e.type === 'override' &&
      e.revision < entry.revision &&
      !reverted.has(e.revision) &&
      e.override.kind === 'move' &&
      e.override.session === session,
  );
  const last = earlier.at(-1)?.override;
  if (last?.kind === 'move') return last.room;
  const s = p.sessions.find((x) => x.id === session);
  return s?.original ? s.original.room : (s?.room ?? null);
}
