import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { failedRow, fmt, type Row } from './table.js';

export const WINDOW_KINDS = ['room', 'lobby', 'admin'] as const;
export const WEIGHT_TARGET_KB = 80;

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
      return failedRow(`weight: ${kind} window, JS + CSS (KB gzip)`, `< ${WEIGHT_TARGET_KB}`, e);
    }
  });
}

function weightOf(dist: string, kind: string, shared: string[]): Row {
  const { js, css } = windowAssets(dist, kind);
  if (js.length === 0)
    throw new Error(`dist/renderer/${kind}.html loads no script: is that window built yet?`);
  const jsKb = gzKb(js);
  const cssKb = gzKb(css);
  const total = jsKb + cssKb;
  return {
    measurement: `weight: ${kind} window, JS + CSS (KB gzip)`,
    median: fmt(total),
    spread: `JS ${fmt(jsKb)} + CSS ${fmt(cssKb)}`,
    target: `< ${WEIGHT_TARGET_KB}`,
    met: total < WEIGHT_TARGET_KB,
    note:
      `${js.length} JS and ${css.length} CSS files from dist/renderer/${kind}.html, shared chunks included, each gzipped ` +
      `(zlib default level); ${fmt(gzKb(shared))} KB of it is JS every window shares (Svelte runtime, Luxon, zod, core)` +
      (total >= WEIGHT_TARGET_KB
        ? '. What would meet it: zod/mini instead of zod 4’s classic API in the browser (the classic API is roughly ' +
          '24 KB gzip of the shared chunk; zod/mini about 4), or check the snapshot without zod on the screens'
        : ''),
  };
}
