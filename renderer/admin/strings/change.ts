/** Changing the program: the override form, the log of changes, and "room full". */

export const CHANGE = {
  title: 'Change the program',
  kinds: 'What to change (Alt+1 … Alt+7)',
  form: (kind: string) => `${kind} form`,
  session: 'Session',
  chooseSession: '— choose a session —',
  talk: 'Talk',
  chooseTalk: '— choose a talk —',
  wholeSession: '— the whole session —',
  moveAnyway: 'Move anyway (both sessions in that room)',
  alertAll: 'Alert every screen…',
  apply: (kind: string) => `${kind}: apply`,
  note: 'Note shown on the screens (optional)',
  noteExample: 'speaker ill · moved online',
  moveTo: 'Move to room',
  chooseRoom: '— choose a room —',
  editTitle: 'Title',
  speakers: 'Speakers, one a line: Name (Affiliation)',
  editNote: 'Note shown with it',
  editHint: 'Only the fields you change are sent.',
  nowSpeakingHint: 'Pick the block and the talk on stage now; the later talks are re-timed from now.',
  announcement: 'Announcement',
  rooms: 'Rooms',
  roomsHint: 'None ticked: every screen, the lobby too.',
  from: 'From (venue time, optional)',
  until: 'Until (venue time, optional)',
  alert: 'Emergency alert: covers every screen until undone',
  alertAsk: 'Show this alert full-screen on every screen?',
  alertYes: 'Yes, alert every screen',
  alertNo: 'No, go back',
  delayNow: 'Now:',
  pickFirst: 'Pick a session first.',
  delayMoves: 'Sent, this moves:',
  overlapPair: (room: string, a: string, b: string, at: string) => `${room}: “${a}” and “${b}” (${at})`,
} as const;

export const LOG = {
  title: 'Log, newest first',
  empty: 'Nothing changed yet: the screens show the printed program.',
  undoneBy: (revision: number) => `undone by #${revision}`,
  undo: 'Undo',
  undoLabel: (revision: number, text: string) => `Undo #${revision}: ${text}`,
  confirm: (revision: number) => `Confirm undo #${revision}`,
} as const;

export const ROOM_STATUS = {
  title: 'Room full',
  hint: 'one tap per room',
  open: 'Open',
  filling: 'Filling up',
  full: 'Full',
  until: (clock: string) => `until ${clock}`,
  set: (revision: number, room: string, status: 'open' | 'filling' | 'full') =>
    `Revision ${revision}: ${room} ${status === 'open' ? 'open again' : status === 'full' ? 'full' : 'filling up'}.`,
} as const;
