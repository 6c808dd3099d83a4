import { pathText } from '../program/parse.js';
import { contrastWarning } from './contrast.js';
import { SETTINGS_VERSION, Settings } from './schema.js';
import { themeColours } from './theme.js';

export interface SettingsProblem {
  /** The field it is about (`theme.accent`, `rooms.borg.capacity`; '' for the whole document). */
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

/**
 * A settings document from a file, the admin or an older Hallway, checked: every problem names
 * its field. Older versions are migrated here (there is only version 1 so far); a newer one is
 * refused, since a guess could drop what staff set.
 */
export function parseSettings(json: unknown): SettingsResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return {
      ok: false,
      problems: [
        { path: '', message: `must be a JSON object (a Hallway settings document), got ${kindOf(json)}` },
      ],
    };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > SETTINGS_VERSION)
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          message: `is ${version}, from a newer Hallway than this one (${SETTINGS_VERSION}): update Hallway to read it`,
        },
      ],
    };
  const parsed = Settings.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: i.path.length ? pathText(i.path) : '',
      message:
        i.code === 'unrecognized_keys'
          ? `has unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
          : i.code === 'invalid_key'
            ? `is not a valid name here: ${i.issues[0]?.message ?? i.message}`
            : i.message,
    })),
  };
}

/** "theme.accent: must be a colour like #ffb627; rooms.borg.capacity: …" */
export function settingsProblemsText(problems: readonly SettingsProblem[]): string {
  return problems.map((p) => `${p.path || '(top level)'}: ${p.message}`).join('; ');
}

/** What staff should know but may keep (shown in the admin, never refused). */
export function settingsWarnings(s: Settings): string[] {
  const out: string[] = [];
  const c = themeColours(s.theme);
  const text = contrastWarning(c.text, c.background);
  if (text) out.push(text);
  return out;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'text' : typeof v;
}
