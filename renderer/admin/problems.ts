import type { Problem } from '../../core/protocol/index.js';

/**
 * The host answers a refused request with `{error, problems: [{path, message}]}`; the admin shows
 * each problem at the field it is about. Paths come from zod (`minutes`, `speakers.0.name`,
 * `speakers[0].name`, sometimes prefixed with `override.`); the field is the first segment.
 */
export type { Problem };

export interface Placed {
  /** Field name → messages for it. */
  byField: Record<string, string[]>;
  /** Messages no field of the form can carry (unknown session, clash, a network error). */
  general: string[];
}

export function fieldOf(path: string): string {
  const segments = path
    .replace(/^[/$.]+/, '')
    .split(/[.[\]/]+/)
    .filter((s) => s !== '');
  const rest = segments[0] === 'override' || segments[0] === 'body' ? segments.slice(1) : segments;
  return rest[0] ?? '';
}

/** Places problems at the form's fields; the rest (and the error when nothing was placed) are general. */
export function placeProblems(
  error: string,
  problems: readonly Problem[],
  fields: readonly string[],
): Placed {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const p of problems) {
    const field = fieldOf(p.path);
    if (fields.includes(field)) (byField[field] ??= []).push(p.message);
    else general.push(p.path ? `${p.path}: ${p.message}` : p.message);
  }
  if (general.length === 0 && Object.keys(byField).length === 0 && error) general.push(error);
  return { byField, general };
}
