import { readFile, writeFile } from 'node:fs/promises';
import { BEARER, ROUTES } from '../../core/protocol/index.js';
import { parseSettings, settingsProblemsText, settingsWarnings } from '../../core/settings/parse.js';
import type { Settings } from '../../core/settings/schema.js';
import { openJournal } from '../host/journal-migrate.js';
import { lockDataDir } from '../host/lock.js';
import { defaultDataDir } from '../host/paths.js';
import { HostSettings, keepSettingsIn, settingsInData } from '../host/settings.js';
import { ensureToken, openStore, readStoreFile } from '../host/store.js';
import type { StoreSettings } from '../host/store-schema.js';
import { type Command, type Io, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway settings export [FILE] [--data DIR]
       hallway settings import FILE [--data DIR] [--url URL]

The screens' settings (theme, track colours, room details) as one JSON file, so a conference
prepares them before the event.
  export [FILE]  write the settings in force in the data dir (default: print them)
  import FILE    check FILE (a bad one is refused naming the field, nothing changes) and make
                 it the settings in force: journalled in the data dir, or with --url sent to the
                 running host there (every open screen restyles at once)
  --data DIR     the host's data dir (default: ${defaultDataDir()}); its token for --url
  --url URL      a running host, like http://127.0.0.1:8080`;

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      data: { type: 'string' },
      url: { type: 'string' },
    });
    const [action, file, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const dataDir = values.data ?? defaultDataDir();
    if (action === 'export') {
      if (values.url !== undefined) throw new UsageError('--url is for import; export reads the data dir');
      return exportSettings(dataDir, file, io);
    }
    if (action === 'import') {
      if (file === undefined) throw new UsageError('import needs the FILE to read');
      return importSettings(dataDir, file, values.url, io);
    }
    throw new UsageError(
      action === undefined ? 'say export or import' : `unknown action "${action}": say export or import`,
    );
  },
};

async function exportSettings(dataDir: string, file: string | undefined, io: Io): Promise<number> {
  const data = readStoreFile(dataDir);
  // Omit<> over the store's loose shape loses the type of `settings`: it was parsed with it.
  const kept = data?.settings as StoreSettings | undefined;
  const { revision, settings } = settingsInData(data?.journal ?? [], kept?.screens, kept?.journal);
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  if (file === undefined) io.out(text.trimEnd());
  else await writeFile(file, text);
  io.err(
    `${revision ? `settings of revision ${revision}` : 'the default settings (none set)'} from ${dataDir}${file ? ` → ${file}` : ''}`,
  );
  return 0;
}

async function importSettings(
  dataDir: string,
  file: string,
  url: string | undefined,
  io: Io,
): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.err(`cannot read ${file}: ${(e as Error).message}; nothing was changed`);
    return 1;
  }
  const parsed = parseSettings(json);
  if (!parsed.ok) {
    io.err(
      `${file} is not a Hallway settings file, nothing was changed: ${settingsProblemsText(parsed.problems)}`,
    );
    return 1;
  }
  for (const w of settingsWarnings(parsed.settings)) io.err(`warning: ${w}`);
  return url === undefined
    ? journal(dataDir, parsed.settings, file, io)
    : send(dataDir, url, parsed.settings, file, io);
}

/** Journals them in the data dir as a host would; refused while a host runs on it (it holds the lock). */
function journal(dataDir: string, settings: Settings, file: string, io: Io): number {
  let unlock: () => void;
  try {
    unlock = lockDataDir(dataDir, io.err);
  } catch (e) {
    io.err(`${(e as Error).message}; or send the settings to it with --url http://127.0.0.1:PORT`);
    return 1;
  }
  try {
    const store = openStore(dataDir, io.err);
    const j = openJournal(dataDir, store, io.err);
    try {
      const entry = new HostSettings(j, store.get('settings').screens, keepSettingsIn(store, io.err)).put(
        settings,
        new Date().toISOString(),
      );
      io.err(
        `imported ${file} as revision ${entry.revision} of ${j.path}: the screens show it when the host starts`,
      );
    } finally {
      j.close();
    }
    return 0;
  } finally {
    unlock();
  }
}

async function send(dataDir: string, url: string, settings: Settings, file: string, io: Io): Promise<number> {
  const token = ensureToken(openStore(dataDir, io.err));
  let res: Response;
  try {
    res = await fetch(new URL(ROUTES.settings, url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `${BEARER}${token}` },
      body: JSON.stringify(settings),
    });
  } catch (e) {
    io.err(`cannot reach the host at ${url}: ${(e as Error).message}; nothing was changed`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string; revision?: number };
  if (res.status !== 201) {
    io.err(`the host at ${url} refused ${file} (${res.status}): ${body.error ?? 'no reason given'}`);
    return 1;
  }
  io.err(`sent ${file} to ${url}: revision ${body.revision}, on every open screen now`);
  return 0;
}
