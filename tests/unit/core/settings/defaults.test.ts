import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsOf } from '../../../../core/settings/defaults.js';
import { Settings } from '../../../../core/settings/schema.js';

describe('the default settings the screens carry without zod', () => {
  it('are exactly what the schema makes of an empty document', () => {
    expect(DEFAULT_SETTINGS).toEqual(Settings.parse({}));
  });

  it('stand in for a snapshot without settings, never shared with what a caller changes', () => {
    expect(settingsOf(null)).toBe(DEFAULT_SETTINGS);
    const own = Settings.parse({ theme: { mode: 'light' } });
    expect(settingsOf({ settings: own })).toBe(own);
    expect(DEFAULT_SETTINGS.loop.room).not.toBe(Settings.parse({}).loop.room);
  });
});
