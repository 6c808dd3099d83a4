import type { Program } from '../../core/program/schema.js';
import { contrastWarning } from '../../core/settings/contrast.js';
import type { RoomDetails } from '../../core/settings/rooms.js';
import type { Settings } from '../../core/settings/schema.js';
import { FONTS } from '../../core/settings/fonts.js';
import { PALETTES, themeColours } from '../../core/settings/theme-colours.js';
import type { Font, Theme } from '../../core/settings/theme.js';
import type { AdminApi } from './api.js';
import type { Problem } from './problems.js';

/** Labels of the bundled fonts, as the admin lists them. */
export const FONT_LABELS: Record<Font, string> = {
  system: 'Screen default (DejaVu Sans)',
  'atkinson-hyperlegible': 'Atkinson Hyperlegible',
  inter: 'Inter',
  'source-sans': 'Source Sans 3',
};
export { FONTS };

type RoomFields = { [K in keyof RoomDetails]-?: string };
const ROOM_FIELDS = ['floor', 'building', 'directions', 'capacity', 'stream', 'overflow'] as const;

/**
 * The Screen settings panel's draft: loaded from the host, edited field by field, sent whole
 * (PUT). The contrast of body text is checked as staff pick colours (a warning, never a block).
 */
export class SettingsEditor {
  mode = $state<Theme['mode']>('dark');
  background = $state<string>(PALETTES.dark.background);
  text = $state<string>(PALETTES.dark.text);
  accent = $state<string>(PALETTES.dark.accent);
  font = $state<Font>('system');
  logo = $state<Settings['theme']['logo']>(null);
  rooms = $state<Record<string, RoomFields>>({});
  tracks = $state<Record<string, string>>({});
  /** What the host holds beyond this panel's fields (kept as is: other panels' parts). */
  #rest: Record<string, unknown> = {};
  loaded = $state(false);
  busy = $state(false);
  message = $state<{ text: string; ok: boolean } | null>(null);
  problems = $state<Problem[]>([]);

  constructor(private readonly api: AdminApi) {}

  /** The body-text warning while editing (null: reads from five metres). */
  get contrast(): string | null {
    return contrastWarning(this.text, this.background);
  }

  async load(): Promise<void> {
    const r = await this.api.settings();
    if (!r.ok) {
      this.message = { text: r.error, ok: false };
      return;
    }
    this.take(r.value.settings);
  }

  take(s: Settings): void {
    const { theme, tracks, rooms, version: _version, ...rest } = s;
    this.#rest = rest;
    const c = themeColours(theme);
    this.mode = theme.mode;
    this.background = c.background;
    this.text = c.text;
    this.accent = c.accent;
    this.font = theme.font;
    this.logo = theme.logo;
    this.tracks = { ...tracks };
    this.rooms = Object.fromEntries(
      Object.entries(rooms).map(([id, d]) => [
        id,
        Object.fromEntries(ROOM_FIELDS.map((f) => [f, d[f] === undefined ? '' : String(d[f])])) as RoomFields,
      ]),
    );
    this.loaded = true;
  }

  /** A new mode starts from its own designed colours. */
  setMode(mode: Theme['mode']): void {
    this.mode = mode;
    ({ background: this.background, text: this.text, accent: this.accent } = PALETTES[mode]);
  }

  /** Every room of the program gets its (empty) fields, so the table binds to them. */
  ensureRooms(ids: readonly string[]): void {
    for (const id of ids)
      this.rooms[id] ??= { floor: '', building: '', directions: '', capacity: '', stream: '', overflow: '' };
  }

  /** The document to send: colours equal to the mode's left out (its designed palette stays exact). */
  document(): Record<string, unknown> {
    const base = PALETTES[this.mode];
    const theme: Record<string, unknown> = { mode: this.mode, font: this.font, logo: this.logo };
    for (const k of ['background', 'text', 'accent'] as const) if (this[k] !== base[k]) theme[k] = this[k];
    const rooms: Record<string, Record<string, unknown>> = {};
    for (const [id, fields] of Object.entries(this.rooms)) {
      const d: Record<string, unknown> = {};
      for (const f of ROOM_FIELDS) {
        const v = fields[f].trim();
        if (v) d[f] = f === 'capacity' && /^\d+$/.test(v) ? Number(v) : v;
      }
      if (Object.keys(d).length) rooms[id] = d;
    }
    const tracks = Object.fromEntries(Object.entries(this.tracks).filter(([, c]) => c));
    return { ...this.#rest, version: 1, theme, tracks, rooms };
  }

  async save(): Promise<void> {
    this.busy = true;
    try {
      const r = await this.api.putSettings(this.document());
      if (!r.ok) {
        this.problems = r.problems;
        this.message = { text: r.error, ok: false };
        return;
      }
      this.problems = [];
      this.take(r.value.settings);
      const warned = r.value.warnings.length ? ` Note: ${r.value.warnings.join(' ')}` : '';
      this.message = {
        text: `Saved as revision ${r.value.revision}: every screen shows it now.${warned}`,
        ok: true,
      };
    } finally {
      this.busy = false;
    }
  }

  async uploadLogo(file: File): Promise<void> {
    this.busy = true;
    try {
      const r = await this.api.uploadImage(file);
      if (!r.ok) {
        this.message = { text: `The logo was not taken: ${r.error}`, ok: false };
        return;
      }
      const { bytes: _bytes, ...logo } = r.value;
      this.logo = logo;
      this.message = {
        text: `Logo ${file.name} (${logo.width}×${logo.height}) uploaded: save to show it.`,
        ok: true,
      };
    } finally {
      this.busy = false;
    }
  }
}

/** The tracks the program names, for the colour list. */
export function programTracks(p: Pick<Program, 'sessions'>): string[] {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off dedupe, never state
  return [...new Set(p.sessions.flatMap((s) => (s.track ? [s.track] : [])))].sort();
}
