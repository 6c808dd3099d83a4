import type { SessionKind } from '../program/schema.js';

/**
 * A session kind from the source's free-text type ("lecture", "Workshop 80min",
 * "Talk 30 min + 10min Q&A"...). The type itself is kept on the session as published.
 * Lightning talks are talks: SessionKind has no lightning kind (TalkKind does).
 */
const RULES: [RegExp, SessionKind][] = [
  [/keynote/i, 'keynote'],
  [/workshop|hands[- ]?on|werkstatt/i, 'workshop'],
  [/tutorial/i, 'tutorial'],
  [/panel|podium|discussion|diskussion/i, 'panel'],
  [/lightning|lecture|talk|vortrag|presentation|präsentation/i, 'talk'],
  [/concert|djset|dj[- ]set|party|performance|music|film|movie|social/i, 'social'],
  [/break|pause/i, 'break'],
  [/lunch|dinner|breakfast|meal/i, 'meal'],
];

export function kindOf(type: string | undefined): SessionKind {
  if (!type) return 'other';
  for (const [re, kind] of RULES) if (re.test(type)) return kind;
  return 'other';
}
