import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'renderer');

/**
 * The oldest browsers the screens run in (README, "Browsers"): Chromium 111 (Chrome, Edge),
 * Firefox 115 ESR, Safari and iOS 16.4 (WebKit). The syntax the build writes stays within
 * ES2022; tests/cross-engine/build-target.spec.ts parses every bundle at that version.
 */
export const BUILD_TARGET = ['es2022', 'chrome111', 'edge111', 'firefox115', 'safari16.4', 'ios16.4'];

/** Static imports of a module (`import`, re-exports), as the chunking pass sees them. */
interface GraphInfo {
  importedIds: readonly string[];
}
type Graph = { getModuleInfo(id: string): GraphInfo | null };

function staticallyReached(graph: Graph, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

interface Windows {
  /** Statically reached by every window (Svelte, Luxon, core, the host client). */
  all: Set<string>;
  /** Statically reached by both screens and not by the admin. */
  screensOnly: Set<string>;
}
const windowsCache = new WeakMap<Graph, Windows>();
/**
 * Two chunks by what each window loads at start (issue 13): `shared`, what all three load, and
 * `screen-loop`, what both screens load and the admin does not (the slide registry, the slides and
 * their components, the rotator). Left to automatic chunking, what the admin fetches lazily (its
 * panels' bodies: the Loop & slides one names kinds from the registry) split these into more
 * chunks, and the screens paid for more files.
 */
function windows(graph: Graph): Windows {
  let w = windowsCache.get(graph);
  if (!w) {
    const room = staticallyReached(graph, resolve(root, 'room.html'));
    const lobby = staticallyReached(graph, resolve(root, 'lobby.html'));
    const admin = staticallyReached(graph, resolve(root, 'admin.html'));
    const both = [...room].filter((id) => lobby.has(id) && !id.endsWith('.html'));
    w = {
      all: new Set(both.filter((id) => admin.has(id))),
      screensOnly: new Set(both.filter((id) => !admin.has(id))),
    };
    windowsCache.set(graph, w);
  }
  return w;
}

// One HTML entry per window kind; the host serves them at /room/<id>, /lobby and /admin.
export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  // Screens report it in their heartbeats (the admin's screens list).
  define: {
    __HALLWAY_VERSION__: JSON.stringify(
      (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string })
        .version,
    ),
  },
  build: {
    target: BUILD_TARGET,
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        room: resolve(root, 'room.html'),
        lobby: resolve(root, 'lobby.html'),
        admin: resolve(root, 'admin.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              debugName: 'shared',
              name: (id, ctx) => (windows(ctx).all.has(id) ? 'shared' : null),
            },
            {
              debugName: 'screens-only',
              name: (id, ctx) => (windows(ctx).screensOnly.has(id) ? 'screen-loop' : null),
              // Its dependencies the admin loads too (Svelte, Luxon, core) stay in `shared`.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
