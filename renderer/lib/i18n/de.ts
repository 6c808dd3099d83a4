import type { Messages } from './en.js';

/**
 * Deutsch, wie es auf Schildern steht: kurz ("in 5 Min.", "Jetzt", "Als Nächstes"), 24-Stunden-Uhr.
 * Raumnamen bleiben, wie das Programm sie schreibt ("verlegt nach Saal 1").
 */
const min = (n: number) => `${n} Min.`;
// Raumnamen ohne Artikel (sein Geschlecht kennen wir nicht): als Angabe hinten, "· Saal 1".
const inRoom = (room: string | null) => (room ? ` · ${room}` : '');

export const de: Messages = {
  lang: 'de',
  locale: 'de-DE',
  time: {
    clock: 'HH:mm',
    day: 'cccc, d. LLLL',
    weekday: 'cccc',
    date: 'cccc, d. LLLL',
    tomorrow: 'Morgen',
    dayAt: (day, clock) => `${day}, ${clock}`,
    now: 'jetzt',
    inMinutes: (n) => {
      if (n < 60) return `in ${min(n)}`;
      const h = Math.floor(n / 60);
      return n % 60 === 0 ? `in ${h} Std.` : `in ${h} Std. ${min(n % 60)}`;
    },
    dates: (a, b) => {
      if (a.hasSame(b, 'day')) return a.toFormat('d. LLLL yyyy');
      if (a.hasSame(b, 'month')) return `${a.toFormat('d.')}–${b.toFormat('d. LLLL yyyy')}`;
      return `${a.toFormat('d. LLLL')} – ${b.toFormat('d. LLLL yyyy')}`;
    },
    until: (clock) => `bis ${clock}`,
    minutesLeft: (n) => `noch ${min(n)}`,
  },
  screen: {
    connecting: 'Verbindung zum Hallway-Host …',
    alert: 'Achtung',
    announcement: 'Hinweis',
    offline: 'offline',
    offlineSince: (hm) => `offline seit ${hm}`,
    qr: (link) => `QR-Code: ${link}`,
  },
  session: {
    now: 'Jetzt',
    next: 'Als Nächstes',
    nextWhen: (when) => `Als Nächstes · ${when}`,
    scan: 'Details per QR-Code',
    changed: 'Geändert',
    cancelled: 'Abgesagt',
    cancelledBecause: (note) => `Abgesagt: ${note}`,
    movedTo: (room) => `Verlegt nach ${room}`,
    delay: (minutes, clock) =>
      minutes > 0
        ? `${min(minutes)} später — jetzt ${clock}`
        : `${min(Math.abs(minutes))} früher — jetzt ${clock}`,
    chair: (names) => `Moderation: ${names}`,
    moderator: 'Moderation',
    sponsoredBy: (names) => `Mit Unterstützung von ${names}`,
    talkNow: 'Jetzt',
    talkNowEstimated: 'Jetzt · geschätzt',
    speaking: (title, estimated) => `${estimated ? 'Jetzt (geschätzt)' : 'Jetzt'}: ${title}`,
    estimatedLegend: '~ geschätzte Zeit',
    everyone: 'Für alle',
  },
  kinds: {
    keynote: 'Keynote',
    talk: 'Vortrag',
    panel: 'Podium',
    tutorial: 'Tutorial',
    workshop: 'Workshop',
    other: 'Session',
  },
  changes: {
    cancelled: (clock, kind, note) => `${kind} um ${clock} abgesagt${note ? ` (${note})` : ''}`,
    moved: (clock, kind, room) => `${kind} um ${clock} verlegt nach ${room}`,
    nextHere: (title, day, clock) => `Als Nächstes hier: ${title}${day ? `, ${day}` : ''} um ${clock}`,
    then: (first, then) => `${first} — ${then}`,
    list: (lines) => lines.join('; '),
    cancelledHeadline: (title) => `Abgesagt: ${title}`,
    movedHeadline: (room, title) => `Verlegt nach ${room}: ${title}`,
  },
  status: {
    startsOn: (name, day, clock) => `${name} beginnt am ${day} um ${clock}`,
    tookPlace: (name, dates) => `${name} fand am ${dates} statt`,
    doneToday: 'In diesem Raum ist für heute Schluss',
    stillToCome: (title, clock, room) => `Heute noch: ${title} um ${clock}${inRoom(room)}`,
    nothingUntil: (clock) => `Bis ${clock} ist hier nichts`,
    nothingMoreToday: 'Heute nichts mehr in diesem Raum',
    nothingLater: 'Heute nichts Weiteres in diesem Raum',
    nothingElsewhere: 'In den anderen Räumen läuft gerade nichts',
    noAnnouncements: 'Keine Hinweise',
    thanksSponsors: 'Danke an unsere Sponsoren',
  },
  venue: {
    break: (room, until) => `Pause bis ${until}${inRoom(room)}`,
    keynote: (room) => `Jetzt Keynote${inRoom(room)}`,
    other: (label, room, until) => `${label} bis ${until}${inRoom(room)}`,
    meals: { breakfast: 'Frühstück', lunch: 'Mittagessen', dinner: 'Abendessen', brunch: 'Brunch' },
  },
  place: {
    status: { filling: 'Fast voll', full: 'Voll' },
    fillingDetail: 'Nur noch wenige Plätze — bitte in die Mitte der Reihen aufrücken',
    watch: (where, stream) =>
      where && stream
        ? `Live in ${where} oder im Stream`
        : where
          ? `Live übertragen in ${where}`
          : stream
            ? 'Live im Stream'
            : 'Leider sind keine Plätze mehr frei',
    streamQr: 'Der Stream dieses Raums',
  },
  slides: {
    later: 'Heute noch in diesem Raum',
    elsewhere: 'Gerade in den anderen Räumen',
    elsewhereMore: (n) =>
      `+${n} ${n === 1 ? 'weiterer Raum' : 'weitere Räume'}: alle Räume stehen auf den Tafeln im Foyer`,
    announcements: 'Hinweise',
    sponsorsNow: 'Mit freundlicher Unterstützung von',
    sponsorsNext: 'Gleich, mit freundlicher Unterstützung von',
  },
  lobby: {
    today: 'Heute',
    nowAndNext: 'Jetzt & als Nächstes',
    now: 'Jetzt',
    next: 'Als Nächstes',
    nothingMoreToday: 'Heute nichts mehr',
    nextWhen: (clock, starts) => `${clock} · ${starts}`,
    pageOf: (from, to, total) =>
      from === to ? `Raum ${from} von ${total}` : `Räume ${from}–${to} von ${total}`,
  },
};

export default de;
