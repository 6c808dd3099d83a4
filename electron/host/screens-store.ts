import { z } from 'zod';
import { pathText } from '../../core/program/parse.js';
import { Alarm, Assignment, GroupName, Heartbeat, ReloadReason } from '../../core/protocol/index.js';
import type { HostStore } from './store.js';

/** One screen as the store keeps it across restarts (its secret only as a hash). */
export const StoredScreen = z.object({
  screen: z.string().min(1).max(200),
  secretHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  report: Heartbeat.omit({ secret: true }),
  address: z.string().max(100).optional(),
  boot: z.string().max(64).optional(),
  reloads: z.number().int().min(0),
  lastReload: z.object({ at: z.number(), why: ReloadReason }).optional(),
  assignment: Assignment.nullable(),
  group: GroupName.nullable(),
  staffReloads: z.number().int().min(0),
  dismissed: Alarm.optional(),
});
export type StoredScreen = z.infer<typeof StoredScreen>;

/** The journal, and the revision of its last staff entry (`screen`), that a saved list holds. */
export const RegistryMark = z.object({
  journal: z.string().min(1).max(64),
  revision: z.number().int().min(0),
});
export type RegistryMark = z.infer<typeof RegistryMark>;

/**
 * Where the registry lives: the conf store's `screens` key, a cache of the screens' reports and
 * of staff's entries up to its mark (tests pass a memory one).
 */
export interface RegistryStore {
  load(): StoredScreen[];
  mark(): RegistryMark | null;
  save(screens: StoredScreen[], mark: RegistryMark | null): void;
}

export const SCREENS_KEY = 'screens';
const MARK_KEY = 'screensMark';

/**
 * The registry in the host's conf store. An entry that does not parse is left out with a line
 * naming it, and kept under `screensSetAside` so nothing saved is lost.
 */
export function confRegistryStore(store: HostStore, log: (line: string) => void): RegistryStore {
  return {
    load() {
      const raw: unknown = store.get(SCREENS_KEY);
      if (raw === undefined) return [];
      if (!Array.isArray(raw)) {
        log(`screens: ${store.path} key "${SCREENS_KEY}" is not a list; kept it under "screensSetAside"`);
        store.set('screensSetAside', raw);
        return [];
      }
      const good: StoredScreen[] = [];
      const bad: unknown[] = [];
      raw.forEach((entry: unknown, i) => {
        const parsed = StoredScreen.safeParse(entry);
        if (parsed.success) return good.push(parsed.data);
        const issue = parsed.error.issues[0];
        log(
          `screens: ${SCREENS_KEY}[${i}] in ${store.path} is not a screen (${issue ? `${pathText(issue.path)}: ${issue.message}` : 'invalid'}); kept it under "screensSetAside"`,
        );
        bad.push(entry);
      });
      if (bad.length) store.set('screensSetAside', [...asList(store.get('screensSetAside')), ...bad]);
      return good;
    },
    mark() {
      // An unreadable mark is as none: the journal's staff entries are all applied again (each
      // is a setting, so that changes nothing but what a forget since then left out).
      const parsed = RegistryMark.safeParse(store.get(MARK_KEY));
      return parsed.success ? parsed.data : null;
    },
    save(screens, mark) {
      store.set(SCREENS_KEY, screens);
      if (mark) store.set(MARK_KEY, mark);
    },
  };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export function memoryRegistryStore(
  initial: StoredScreen[] = [],
): RegistryStore & { saved: StoredScreen[]; savedMark: RegistryMark | null } {
  const s = {
    saved: structuredClone(initial),
    savedMark: null as RegistryMark | null,
    load: () => structuredClone(s.saved),
    mark: () => s.savedMark,
    save: (list: StoredScreen[], mark: RegistryMark | null) => {
      s.saved = structuredClone(list);
      if (mark) s.savedMark = { ...mark };
    },
  };
  return s;
}
