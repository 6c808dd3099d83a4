import { inlineText } from './text.js';
import type { RawEvent } from './types.js';

/** Records what was assumed about an event, for build to report with its id and title. */
export function assume(e: Pick<RawEvent, 'issues'>, issue: string): void {
  (e.issues ??= []).push(issue);
}

const NAMED = 5;

/**
 * The line for an event left out because no time can be read from it: where it is in the file,
 * its id and title when it has them, and why. `hallway check` and the admin print it as it is.
 */
export function skippedLine(where: string, why: string, id?: string, title?: string): string {
  const name = title ? inlineText(title) : '';
  const ref = [id, name && `"${name.length > 60 ? `${name.slice(0, 57)}…` : name}"`]
    .filter(Boolean)
    .join(' ');
  return `${where}${ref ? ` (${ref})` : ''}: ${why}; the event is left out`;
}

/**
 * Warnings about events, one line per kind of irregularity naming the events it touched:
 * `ev-12 "Opening": its <duration> is empty: assumed …`, or for several
 * `3 events: … : ev-1 "A", ev-2 "B", ev-3 "C"`. A file that gets one thing wrong for 900
 * events says so in one line, not 900.
 */
export class EventIssues {
  private readonly byIssue = new Map<string, string[]>();

  add(id: string, title: string, issue: string): void {
    const name = inlineText(title);
    const ref = `${id} "${name.length > 60 ? `${name.slice(0, 57)}…` : name}"`;
    const refs = this.byIssue.get(issue);
    if (refs) refs.push(ref);
    else this.byIssue.set(issue, [ref]);
  }

  lines(): string[] {
    return [...this.byIssue].map(([issue, refs]) =>
      refs.length === 1
        ? `${refs[0]}: ${issue}`
        : `${refs.length} events: ${issue}: ${refs.slice(0, NAMED).join(', ')}${refs.length > NAMED ? `, and ${refs.length - NAMED} more` : ''}`,
    );
  }
}
