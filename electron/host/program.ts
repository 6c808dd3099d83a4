import { readFile } from 'node:fs/promises';
import { parseProgram } from '../../core/program/parse.js';
import type { Program } from '../../core/program/schema.js';

/**
 * Reads a Hallway program file. Stands in for program-file.ts's readProgramFile (which also
 * imports other formats) until that lands; same result shape, same throwing contract.
 */
export async function loadProgram(path: string): Promise<{ program: Program; notes: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the program file ${path}: ${(e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not JSON (${(e as Error).message}): give a Hallway program file`, {
      cause: e,
    });
  }
  const parsed = parseProgram(json);
  if (!parsed.ok)
    throw new Error(
      `${path} is not a valid program (${parsed.errors.length} problem(s)):\n  ${parsed.errors.join('\n  ')}`,
    );
  return { program: parsed.program, notes: [] };
}
