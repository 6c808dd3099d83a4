import { IMPORTERS, type ImportFormat } from './registry.js';
import { headOf, isHallwayProgram } from './sniff.js';

export type DetectedFormat = ImportFormat | 'hallway';

/**
 * The format of a schedule file from its first bytes: never from its name, which lies as often
 * as not (`schedule.json` served as text/html, `.xml` files that are HTML error pages).
 */
export function detectFormat(text: string): DetectedFormat | null {
  // The key order of a JSON object is not guaranteed: a Hallway program may say so late.
  if (isHallwayProgram(text, true)) return 'hallway';
  const head = headOf(text);
  const found = IMPORTERS.find((i) => i.detect(head, text))?.format;
  return found ?? (isHallwayProgram(text) ? 'hallway' : null);
}

/** What a file that is none of our formats looks like, for the error message. */
export function describeUnknown(text: string): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head) return 'the file is empty';
  if (/^<!doctype html|^<html/i.test(head))
    return 'this is an HTML page, not a schedule (a login or error page?)';
  if (head.startsWith('<'))
    return 'this is XML without a <schedule> element: not a frab/Pentabarf schedule.xml';
  if (head.startsWith('['))
    return 'this is a JSON array, not a schedule: from Sessionize, export the API view "All Data" (an object with sessions, speakers and rooms)';
  if (head.startsWith('{'))
    return 'this is JSON but neither a Hallway program (format "hallway-program"), a c3voc schedule.json ({"schedule": …}) nor a Sessionize "All Data" export ({"sessions": …, "rooms": …})';
  return 'the content is not XML, JSON or iCalendar';
}
