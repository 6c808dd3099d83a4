import type { Program, Session } from '../../core/program/schema.js';
import { clockAt, delayLine, displayTitle } from '../lib/format.js';
import { en, type Messages } from '../lib/i18n/en.js';
import type { RoomView } from './view.js';
import { DEFAULT_SETTINGS } from '../../core/settings/defaults.js';
import type { Settings } from '../../core/settings/schema.js';
import { trackColour } from '../lib/track-colour.js';
import { directionsTo, movedLine, roomWithPlace } from '../lib/wayfinding.js';

/** A line of the "Later today" and "Elsewhere now" slides. */
export interface ListRow {
  key: string;
  /** Left column ("10:30 AM"); empty when the row leads with `lead` instead. */
  time: string;
  /** Line above the title ("Winchester Room"): what a reader looks for first. */
  lead?: string;
  title: string;
  where?: string | null;
  flags?: string[];
  struck?: boolean;
  /** The track's colour (staff's, else the schedule's): the row's edge. */
  colour?: string | null;
}

function overrides(
  p: Program,
  s: Session & { movedTo?: string },
  settings: Settings,
  m: Messages,
): Pick<ListRow, 'flags' | 'struck' | 'where'> {
  const flags: string[] = [];
  const notes: string[] = [];
  if (s.cancelled) {
    flags.push(m.session.cancelled);
    if (s.cancelled.note) notes.push(s.cancelled.note);
  }
  if (s.movedTo) notes.push(movedLine(p, settings, s.movedTo, m));
  const delay = delayLine(p, s, m);
  if (delay) notes.push(delay);
  return { flags, struck: !!s.cancelled || !!s.movedTo, where: notes.join(' · ') || null };
}

export function laterRows(
  p: Program,
  v: RoomView,
  settings: Settings = DEFAULT_SETTINGS,
  m: Messages = en,
): ListRow[] {
  return v.nn.later.map((s) => ({
    key: s.id,
    time: clockAt(p, s.start, m),
    title: displayTitle(s),
    ...overrides(p, s, settings, m),
  }));
}

export function elsewhereRows(
  p: Program,
  v: RoomView,
  settings: Settings = DEFAULT_SETTINGS,
  m: Messages = en,
  /** Where this screen stands (settings `locations`): its own directions win over the room's. */
  location: string | null = null,
): ListRow[] {
  // Someone in the hallway picks a room first: lead with it (and where it is), then what is on,
  // then until when, then how to get there.
  return v.elsewhere.map(({ room, session }) => ({
    key: session.id,
    time: '',
    lead: room ? roomWithPlace(p, settings, room.id) : m.session.everyone,
    title: displayTitle(session),
    colour: trackColour(settings, p, session),
    where: [
      m.time.until(clockAt(p, session.end, m)),
      delayLine(p, session, m),
      room ? directionsTo(settings, location, room.id) : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}
