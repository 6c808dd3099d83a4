import type { z } from 'zod';
import { pathText } from '../../core/program/parse.js';
import type { Problem } from '../../core/protocol/index.js';

/** Every zod issue as a problem naming its field; never echoes the rejected value. */
export function zodProblems(error: z.ZodError): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const base = issue.path.length ? pathText(issue.path) : '';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({
          path: base ? `${base}.${key}` : key,
          message: 'is not a field of this input: leave it out',
        });
    } else if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      out.push({
        path: base,
        message: `must be one of ${issue.options.map((o) => `"${String(o)}"`).join(', ')}`,
      });
    } else {
      out.push({ path: base, message: issue.message });
    }
  }
  return out;
}

/** One readable line: `a: x; b[1]: y`. */
export const problemsLine = (problems: readonly Problem[]): string =>
  problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
