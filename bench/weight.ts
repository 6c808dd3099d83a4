import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { failedRow, fmt, type Row } from './table.js';

export const WINDOW_KINDS = ['room', 'lobby', 'admin'] as const;
/** Issue 13: the screens within 60 KB gzip each, the admin (its forms and panels) within 90. */
export const WEIGHT_TARGET_KB: Record<(typeof WINDOW_KINDS)[number], number> = {
  room: 60,
  lobby: 60,
  admin: 90,
};

/**
 * A name zod's classic API defines on every schema and zod/mini does not: a bundle holding it
 * carries the classic API (~24 KB gzip). Room and lobby must not (DESIGN.md, "Screens carry no zod").
 */
export const ZOD_CLASSIC_MARK = 'isNullable';

/** The JS files of a window kind that hold zod's classic API. */
export function zodClassicIn(distDir: string, kind: string): string[] {
  return windowAssets(distDir, kind).js.filter((f) => readFileSync(f, 'utf8').includes(ZOD_CLASSIC_MARK));
}

/** Asset paths an HTML entry loads up front: its module script, preloaded chunks, stylesheets. */
export function htmlAssets(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = m[0];
    const src = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!src || /^(https?:)?\/\//.test(src)) continue;
    if (m[1]!.toLowerCase() === 'script' || /rel="(modulepreload|stylesheet)"/i.test(tag)) out.push(src);
  }
  return out;
}

/** Static imports of a built chunk (`import"./x.js"`, `from"./x.js"`): what loads with it. */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) out.push(m[1]!);
  return out;
}

/** Everything one window kind loads before it runs, JS and CSS, following shared chunks. */
export function windowAssets(distDir: string, kind: string): { js: string[]; css: string[] } {
  const htmlPath = path.join(distDir, `${kind}.html`);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run \`npx vite build\``);
  const seen = new Set<string>();
  const queue = htmlAssets(readFileSync(htmlPath, 'utf8')).map((a) =>
    path.join(distDir, a.replace(/^\//, '')),
  );
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js'))
      for (const i of staticImports(readFileSync(file, 'utf8')))
        queue.push(i.startsWith('/') ? path.join(distDir, i.slice(1)) : path.resolve(path.dirname(file), i));
  }
  const all = [...seen];
  return { js: all.filter((f) => f.endsWith('.js')), css: all.filter((f) => f.endsWith('.css')) };
}

const gzKb = (files: string[]) => files.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0) / 1024;

export function weight(root: string): Row[] {
  const dist = path.join(root, 'dist', 'renderer');
  let shared: string[] = [];
  try {
    const all = WINDOW_KINDS.map((k) => windowAssets(dist, k).js);
    shared = all.reduce((a, b) => a.filter((f) => b.includes(f)));
  } catch {
    // a window that is not built fails its own row below
  }
  return WINDOW_KINDS.map((kind) => {
    try {
      return weightOf(dist, kind, shared);
    } catch (e) {
      return failedRow(`weight: ${kind} window, JS + CSS (KB gzip)`, `< ${WEIGHT_TARGET_KB[kind]}`, e);
    }
  });
}

function weightOf(dist: string, kind: (typeof WINDOW_KINDS)[number], shared: string[]): Row {
  const { js, css } = windowAssets(dist, kind);
  if (js.length === 0)
    throw new Error(`dist/renderer/${kind}.html loads no script: is that window built yet?`);
  const jsKb = gzKb(js);
  const cssKb = gzKb(css);
  const total = jsKb + cssKb;
  const target = WEIGHT_TARGET_KB[kind];
  const zod = zodClassicIn(dist, kind).length > 0;
  return {
    measurement: `weight: ${kind} window, JS + CSS (KB gzip)`,
    median: fmt(total),
    spread: `JS ${fmt(jsKb)} + CSS ${fmt(cssKb)}`,
    target: `< ${target}`,
    met: total < target,
    note:
      `${js.length} JS and ${css.length} CSS files from dist/renderer/${kind}.html, shared chunks included, each gzipped ` +
      `(zlib default level); ` +
      (shared.length
        ? `${fmt(gzKb(shared))} KB of it is JS every window shares (Svelte runtime, Luxon, core); `
        : 'each window a build of its own (vite.config.ts), no chunk shared; ') +
      `zod's classic API ${zod ? 'in it' : 'not in it'}` +
      (total >= target
        ? zod && kind !== 'admin'
          ? '. What would meet it: a module of this window imports a zod schema at runtime; import schemas with ' +
            '`import type` and values from core/protocol/wire.ts (DESIGN.md, "Screens carry no zod")'
          : kind === 'admin'
            ? '. What would meet it: the admin trusting its host’s validated answers as the screens do (or loading ' +
              'zod, about 24 KB gzip, with a dynamic import once the page is up), in renderer/admin/api.ts'
            : '. What would meet it: Luxon (about 21 KB gzip of it) replaced by Intl for venue time'
        : ''),
  };
}
