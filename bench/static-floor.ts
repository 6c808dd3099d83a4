import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Child, spawnUntil } from './proc.js';

const SERVER = fileURLToPath(new URL('./static-floor.mjs', import.meta.url));

/** The font stack the screens use (renderer/styles/screen.css): a floor page paints the same glyphs. */
export const SCREEN_FONTS = "'DejaVu Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

export interface StaticFloor {
  url: string;
  child: Child;
  /** Wall clock just before the spawn, and when it printed its URL. */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

/** Starts the bare static server on `answers` (path → content type, body, gzip-encoded or not), as its own process. */
export async function startStaticFloor(
  answers: Record<string, { type: string; body: string; gzip?: boolean }>,
): Promise<StaticFloor> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hallway-bench-floor-'));
  const file = path.join(dir, 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const spawnedAt = Date.now();
  let child: Child;
  try {
    child = await spawnUntil(process.execPath, [SERVER, file], (out) =>
      out.some((l) => l.startsWith('listening ')),
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const readyAt = Date.now();
  const line = child.output.find((l) => l.startsWith('listening ')) as string;
  return {
    url: line.slice('listening '.length).trim(),
    child,
    spawnedAt,
    readyAt,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
