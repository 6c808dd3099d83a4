import type { ImportFormat } from './types.js';

export type DetectedFormat = ImportFormat | 'hallway';

/**
 * The format of a schedule file from its first bytes: never from its name, which lies as often
 * as not (`schedule.json` served as text/html, `.xml` files that are HTML error pages).
 */
export function detectFormat(text: string): DetectedFormat | null {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical';
  if (head.startsWith('<'))
    return /<schedule[\s>]/.test(head) || /<schedule[\s>]/.test(text) ? 'frab-xml' : null;
  if (head.startsWith('{')) {
    if (/"format"\s*:\s*"hallway-program"/.test(head)) return 'hallway';
    if (/"schedule"\s*:/.test(head)) return 'c3voc-json';
    // The key order of a JSON object is not guaranteed: look further before giving up.
    if (/"format"\s*:\s*"hallway-program"/.test(text)) return 'hallway';
    if (/"schedule"\s*:\s*\{/.test(text)) return 'c3voc-json';
  }
  return null;
}

/** What a file that is none of our formats looks like, for the error message. */
export function describeUnknown(text: string): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head) return 'the file is empty';
  if (/^<!doctype html|^<html/i.test(head))
    return 'this is an HTML page, not a schedule (a login or error page?)';
  if (head.startsWith('<'))
    return 'this is XML without a <schedule> element: not a frab/Pentabarf schedule.xml';
  if (head.startsWith('{') || head.startsWith('['))
    return 'this is JSON but neither a Hallway program (format "hallway-program") nor a c3voc schedule.json ({"schedule": …})';
  return 'the content is not XML, JSON or iCalendar';
}
