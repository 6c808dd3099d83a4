import type { DateTime } from 'luxon';
import type { Language } from '../../../core/protocol/language.js';

/**
 * The room and lobby screens' words in English: the reference catalogue. Every other language is
 * typed `Messages` (this object's shape), so a key missing there fails tsc. Program data (titles,
 * room names, notes staff typed) is never translated: it is shown as written.
 *
 * `time` holds Luxon patterns; the functions get numbers and already formatted times, so word
 * order (and which words a language needs at all) is each catalogue's own.
 */

/** "the Magnolia Room", but "Hall 1", "Room 3", "42": reads well after "in"/"to". */
const the = (name: string) => (/^(the|hall|room)\b/i.test(name) || /^\d/.test(name) ? name : `the ${name}`);
const min = (n: number) => `${n} min`;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const en = {
  lang: 'en' as Language,
  /** Luxon's locale: month and weekday names. */
  locale: 'en-US',
  time: {
    /** "10:30 AM" */
    clock: 'h:mm a',
    /** The header's day: "Monday, May 20". */
    day: 'cccc, LLLL d',
    /** A day within the coming week: "Saturday". */
    weekday: 'cccc',
    /** A day further away: "Saturday, June 15". */
    date: 'cccc, LLLL d',
    tomorrow: 'Tomorrow',
    /** "Tomorrow 10:30 AM" */
    dayAt: (day: string, clock: string) => `${day} ${clock}`,
    now: 'now',
    /** n > 0 minutes from now: "in 5 min", "in 2 h", "in 1 h 30 min". */
    inMinutes: (n: number) => {
      if (n < 60) return `in ${min(n)}`;
      const h = Math.floor(n / 60);
      return n % 60 === 0 ? `in ${h} h` : `in ${h} h ${min(n % 60)}`;
    },
    /** The conference's dates: "May 20, 2019", "May 20–22, 2019", "May 31 – June 2, 2019". */
    dates: (a: DateTime, b: DateTime) => {
      if (a.hasSame(b, 'day')) return a.toFormat('LLLL d, yyyy');
      if (a.hasSame(b, 'month')) return `${a.toFormat('LLLL d')}–${b.toFormat('d, yyyy')}`;
      return `${a.toFormat('LLLL d')} – ${b.toFormat('LLLL d, yyyy')}`;
    },
    until: (clock: string) => `until ${clock}`,
    minutesLeft: (n: number) => `${min(n)} left`,
  },
  screen: {
    connecting: 'Connecting to the Hallway host…',
    alert: 'Alert',
    announcement: 'Announcement',
    offline: 'offline',
    offlineSince: (hm: string) => `offline since ${hm}`,
    qr: (link: string) => `QR code: ${link}`,
  },
  session: {
    now: 'Now',
    next: 'Next',
    /** The next card's label: "Next · in 15 min". */
    nextWhen: (when: string) => `Next · ${when}`,
    scan: 'Scan for details',
    changed: 'Changed',
    cancelled: 'Cancelled',
    cancelledBecause: (note: string) => `Cancelled: ${note}`,
    movedTo: (room: string) => `Moved to ${the(room)}`,
    /** "Running 10 min late — now 11:10 AM" / "Running 5 min early — now 10:25 AM". */
    delay: (minutes: number, clock: string) =>
      `Running ${min(Math.abs(minutes))} ${minutes > 0 ? 'late' : 'early'} — now ${clock}`,
    chair: (names: string) => `Chair: ${names}`,
    moderator: 'Moderator',
    sponsoredBy: (names: string) => `Sponsored by ${names}`,
    /** The talk on now in a block: flag, and the same said in a line ("Now: Deep Learning …"). */
    talkNow: 'Now',
    talkNowEstimated: 'Now · est.',
    speaking: (title: string, estimated: boolean) => `${estimated ? 'Now (est.)' : 'Now'}: ${title}`,
    estimatedLegend: '~ estimated time',
    /** Venue-wide items on the "Elsewhere now" slide. */
    everyone: 'Everyone',
  },
  /** What a session is, in "1:30 PM tutorial cancelled". */
  kinds: {
    keynote: 'keynote',
    talk: 'talk',
    panel: 'panel',
    tutorial: 'tutorial',
    workshop: 'workshop',
    other: 'session',
  },
  changes: {
    /** "1:30 PM tutorial cancelled (speaker ill)" */
    cancelled: (clock: string, kind: string, note: string | null) =>
      `${clock} ${kind} cancelled${note ? ` (${note})` : ''}`,
    /** "1:30 PM tutorial moved to the Magnolia Room" */
    moved: (clock: string, kind: string, room: string) => `${clock} ${kind} moved to ${the(room)}`,
    /** "Next here: ModelOps on AWS at 2:30 PM", "… Tomorrow at 10:30 AM". */
    nextHere: (title: string, day: string | null, clock: string) =>
      `Next here: ${title}${day ? ` ${day}` : ''} at ${clock}`,
    /** The changes (or a note), then what to do: "… cancelled — next here: … at 2:30 PM". */
    then: (first: string, then: string) => `${first} — ${lower(then)}`,
    list: (lines: string[]) => lines.join('; '),
    cancelledHeadline: (title: string) => `Cancelled: ${title}`,
    movedHeadline: (room: string, title: string) => `Moved to ${the(room)}: ${title}`,
  },
  status: {
    startsOn: (name: string, day: string, clock: string) => `${name} starts ${day} at ${clock}`,
    tookPlace: (name: string, dates: string) => `${name} took place on ${dates}`,
    doneToday: 'Done for today in this room',
    /** "Still to come: Poster Session at 5:30 PM in the Santa Clara Ballroom" */
    stillToCome: (title: string, clock: string, room: string | null) =>
      `Still to come: ${title} at ${clock}${room ? ` in ${the(room)}` : ''}`,
    nothingUntil: (clock: string) => `Nothing here until ${clock}`,
    nothingMoreToday: 'Nothing more here today',
    nothingLater: 'Nothing more later today in this room',
    nothingElsewhere: 'Nothing on in the other rooms now',
    noAnnouncements: 'No announcements',
    thanksSponsors: 'Thank you to our sponsors',
  },
  /** What is on for everyone: "Break until 10:30 AM", "Lunch in the Magnolia Room until 1:30 PM". */
  venue: {
    break: (room: string | null, until: string) => `Break${room ? ` in ${the(room)}` : ''} until ${until}`,
    keynote: (room: string | null) => `Keynote now${room ? ` in ${the(room)}` : ''}`,
    other: (label: string, room: string | null, until: string) =>
      `${label}${room ? ` in ${the(room)}` : ''} until ${until}`,
    meals: { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', brunch: 'Brunch' },
  },
  /** How full a room is (staff's one tap in the admin), and where else to watch. */
  place: {
    status: { filling: 'Filling up', full: 'Full' },
    fillingDetail: 'Few seats left — please move to the middle of the rows',
    /** `where`: the overflow room (with its place); `stream`: a stream URL is set. */
    watch: (where: string | null, stream: boolean) =>
      where && stream
        ? `Watch it in ${where} or on the stream`
        : where
          ? `Watch it in ${where}`
          : stream
            ? 'Watch it on the stream'
            : 'Sorry, no more seats in this room',
    streamQr: 'The stream of this room',
  },
  slides: {
    later: 'Later today in this room',
    elsewhere: 'Elsewhere now',
    /** Below "Elsewhere now" when not every room fits the screen. */
    elsewhereMore: (n: number) =>
      `+${n} more ${n === 1 ? 'room' : 'rooms'}: every room is on the lobby boards`,
    announcements: 'Announcements',
    sponsorsNow: 'Sponsored by',
    sponsorsNext: 'Coming up, sponsored by',
  },
  lobby: {
    today: 'Today',
    nowAndNext: 'Now & next',
    now: 'Now',
    next: 'Next',
    nothingMoreToday: 'Nothing more today',
    /** The next column's time: "2:30 PM · in 15 min". */
    nextWhen: (clock: string, starts: string) => `${clock} · ${starts}`,
    /** "Rooms 1–8 of 75", "Room 75 of 75". */
    pageOf: (from: number, to: number, total: number) =>
      from === to ? `Room ${from} of ${total}` : `Rooms ${from}–${to} of ${total}`,
  },
};

export type Messages = typeof en;
export default en;
