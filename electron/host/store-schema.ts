import { z } from 'zod';
import { ClockState, JournalEntry } from '../../core/overrides/schema.js';
import { Settings } from '../../core/settings/schema.js';

/** The screens' settings as last journalled, with the journal and revision they stand for. */
export const KeptSettings = z.object({
  journal: z.string().min(1).max(64),
  revision: z.number().int().min(1),
  settings: Settings,
});
export type KeptSettings = z.infer<typeof KeptSettings>;

/** Settings the host keeps beside the log. */
export const StoreSettings = z.looseObject({
  /** The host clock as last set (command line or admin). */
  clock: ClockState.optional(),
  /** The rate a paused simulated clock resumes at. */
  resumeRate: z.number().min(0).max(100_000).optional(),
  /**
   * The journal revision this clock setting stands for: a clock entry after it (journalled, then
   * a crash before this file was written) wins at the next start. Absent in older stores, whose
   * one write held both.
   */
  clockRevision: z.number().int().min(0).optional(),
  /** The journal's name (see openJournal): a screen's `since` counts in this journal only. */
  journal: z.string().min(1).max(64).optional(),
  /** The screens' settings (HostSettings): the journal's latest `settings` entry, kept. */
  screens: KeptSettings.optional(),
});
export type StoreSettings = z.infer<typeof StoreSettings>;

/**
 * The store file (config.json in the data dir): the admin token and settings. The journal lives
 * in journal.jsonl beside it; `journal` is where older versions kept it, moved out at start.
 * Loose at the top so conf's own bookkeeping keys survive.
 */
export const StoreShape = z
  .looseObject({
    journal: z.array(JournalEntry).optional(),
    token: z.string().min(16, 'must be at least 16 characters').optional(),
    settings: StoreSettings.default({}),
  })
  .superRefine((s, ctx) => {
    // Resume by Last-Event-ID relies on revisions only ever growing.
    s.journal?.forEach((e, i) => {
      const prev = i > 0 ? s.journal?.[i - 1] : undefined;
      if (prev && e.revision <= prev.revision)
        ctx.addIssue({
          code: 'custom',
          path: ['journal', i, 'revision'],
          message: `must be greater than the one before (${e.revision} ≤ ${prev.revision})`,
        });
    });
  });
export type StoreShape = z.infer<typeof StoreShape>;

/**
 * Options for conf (and for electron-store in the shell, which adds `cwd` = userData):
 * the same file, the same format. We validate with zod ourselves, so conf never clears a file.
 */
export const STORE_OPTIONS = {
  configName: 'config',
  projectName: 'hallway',
  clearInvalidConfig: false,
  // The file holds the admin token: readable by its owner only.
  configFileMode: 0o600,
  defaults: { settings: {} } as StoreShape,
} as const;

export const STORE_FILE = 'config.json';
