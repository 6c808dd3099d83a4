/** The screen registry's words: the screen list, its editor, its alarms and the preview. */

export const SCREENS = {
  title: 'Screens',
  group: 'Group',
  allScreens: 'all screens',
  groupOption: (g: string) => `group ${g}`,
  identify: 'Identify',
  reload: 'Reload',
  reloadMany: (group: boolean) => `Reload ${group ? 'group' : 'all'}`,
  none: 'No screen has checked in yet.',
  column: {
    screen: 'Screen',
    shows: 'Shows',
    revision: 'Rev.',
    runsOn: 'Runs on',
    up: 'Up · reloads',
    seen: 'Seen',
  },
  slide: (slide: string) => `slide ${slide}`,
  assigned: 'assigned',
  /** Beside what it shows: where staff said it stands (its "how to get there"). */
  at: (location: string) => `at ${location}`,
  hallway: (version: string) => `Hallway ${version}`,
  lastReload: (why: string, ago: string) => `last: ${why}, ${ago}`,
  state: { silent: 'SILENT', offline: 'offline (cache)', behind: 'behind', ok: 'ok' },
  preview: 'Preview',
  capture: 'Capture',
  assign: 'Assign…',
  close: 'Close',
};

export const EDITOR = {
  shows: 'Shows',
  fromUrl: 'what its URL says',
  lobby: 'Lobby board',
  room: (name: string) => `Room: ${name}`,
  language: 'Language',
  languageExample: 'en, de, pt-BR',
  location: 'Location',
  noLocation: 'none',
  /** An assigned place the settings no longer have (saving it again is refused). */
  goneLocation: (name: string) => `${name} (not in the settings)`,
  locationHint:
    'Where the screen stands: each room’s “how to get there” from this place (the settings’ locations). ' +
    'None: what its URL’s ?location= says, if anything. A screen shown as its URL says takes none.',
  group: 'Group',
  groupExample: 'floor 1',
  save: 'Save',
  forget: 'Forget',
};

export const ALARMS = {
  label: 'Screen alarms',
  silent: (ago: string) => `silent: no heartbeat since ${ago}`,
  behind: (revision: number) => `still shows revision #${revision}, behind the host`,
  dismiss: 'Dismiss',
};

export const PREVIEW = {
  title: 'Preview',
  follows: 'What',
  /** What a followed screen reports it shows: "reports: room borg, slide now, revision #12". */
  reports: (f: { page: string; room?: string | null; slide?: string | null; revision: number }) =>
    `reports: ${f.page}${f.room ? ` ${f.room}` : ''}${f.slide ? `, slide ${f.slide}` : ''}, revision #${f.revision}`,
  stop: 'Stop following',
  screen: 'Screen',
  lobby: 'Lobby board',
  room: (name: string) => `Room: ${name}`,
  slide: 'Slide',
  loop: 'the loop',
  when: 'When',
  live: 'Live',
  following: 'following the host clock',
  instant: 'Preview instant (venue time)',
  shape: 'Shape',
  portrait: 'Portrait',
  frameTitle: (page: string) => `Preview of ${page === 'lobby' ? 'the lobby board' : `room ${page}`}`,
  open: 'Open this screen in a tab',
};
