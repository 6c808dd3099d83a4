import { c3vocJson } from './c3voc-json.js';
import { frabXml } from './frab-xml.js';
import { ical } from './ical.js';
import { sessionizeJson } from './sessionize-json.js';

/**
 * Every format Hallway imports. Adding one is writing its file (an `Importer`) and adding it
 * here; detection tries them in this order, so a format whose test is looser comes later.
 */
export const IMPORTERS = [frabXml, c3vocJson, sessionizeJson, ical] as const;

export type ImportFormat = (typeof IMPORTERS)[number]['format'];
export const IMPORT_FORMATS: readonly ImportFormat[] = IMPORTERS.map((i) => i.format);

export function importerFor(format: ImportFormat): (typeof IMPORTERS)[number] {
  return IMPORTERS.find((i) => i.format === format)!;
}

/** A format by its name or one of its aliases (`xml`, `pretalx`, `ics`), case-insensitive. */
export function formatNamed(name: string): ImportFormat | undefined {
  const n = name.toLowerCase();
  return IMPORTERS.find((i) => i.format === n || (i.aliases as readonly string[]).includes(n))?.format;
}
