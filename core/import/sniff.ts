/**
 * The cheap looks at a file's start that need no importer loaded: the host tells its own
 * program files from published schedules with these before it loads any parser.
 */

/** The start of a file as detection sees it: no BOM, no leading blanks, 4 KiB. */
export function headOf(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
}

/** A Hallway program says so (`"format": "hallway-program"`), near its start or further in. */
export function isHallwayProgram(text: string, headOnly = false): boolean {
  const head = headOf(text);
  if (!head.startsWith('{')) return false;
  return HALLWAY.test(head) || (!headOnly && HALLWAY.test(text));
}
const HALLWAY = /"format"\s*:\s*"hallway-program"/;
