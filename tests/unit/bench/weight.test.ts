import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  htmlAssets,
  staticImports,
  windowAssets,
  ZOD_CLASSIC_MARK,
  zodClassicIn,
} from '../../../bench/weight.js';

describe('htmlAssets', () => {
  it('takes module scripts, module preloads and stylesheets, not icons or other origins', () => {
    const html = `<link rel="icon" href="data:,">
      <script type="module" crossorigin src="/assets/room-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/venue-b.js">
      <link rel="stylesheet" crossorigin href="/assets/room-c.css">
      <script src="https://cdn.example/x.js"></script>`;
    expect(htmlAssets(html)).toEqual(['/assets/room-a.js', '/assets/venue-b.js', '/assets/room-c.css']);
  });
});

describe('staticImports', () => {
  it.each([
    ['import{a as b}from"./venue-b.js";', ['./venue-b.js']],
    ['import"./side.js";import {x} from \'./y.js\'', ['./side.js', './y.js']],
    ['const m=import("./lazy.js")', []],
  ])('%s → %j', (js, want) => {
    expect(staticImports(js)).toEqual(want);
  });
});

describe('windowAssets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-weight-'));
    mkdirSync(path.join(dir, 'assets'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows shared chunks the entry imports, once each', () => {
    writeFileSync(
      path.join(dir, 'room.html'),
      '<script type="module" src="/assets/room.js"></script><link rel="stylesheet" href="/assets/room.css">',
    );
    writeFileSync(path.join(dir, 'assets', 'room.js'), 'import{v}from"./venue.js";import"./view.js";');
    writeFileSync(path.join(dir, 'assets', 'view.js'), 'import{v}from"./venue.js";');
    writeFileSync(path.join(dir, 'assets', 'venue.js'), 'export const v=1;');
    writeFileSync(path.join(dir, 'assets', 'room.css'), 'body{}');
    const got = windowAssets(dir, 'room');
    expect(got.js.map((f) => path.basename(f)).sort()).toEqual(['room.js', 'venue.js', 'view.js']);
    expect(got.css.map((f) => path.basename(f))).toEqual(['room.css']);
  });

  it('says to build when the entry is missing', () => {
    expect(() => windowAssets(dir, 'lobby')).toThrow(/lobby\.html is missing: run `npx vite build`/);
  });
});

describe('zod classic in the screens (DESIGN.md, "Screens carry no zod")', () => {
  let out: string;
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('finds the chunk of a window that holds it', () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'bench-zod-'));
    mkdirSync(path.join(out, 'assets'));
    writeFileSync(path.join(out, 'room.html'), '<script type="module" src="/assets/room.js"></script>');
    writeFileSync(path.join(out, 'assets', 'room.js'), 'import"./shared.js";');
    writeFileSync(path.join(out, 'assets', 'shared.js'), `class A{${ZOD_CLASSIC_MARK}(){}}`);
    expect(zodClassicIn(out, 'room').map((f) => path.basename(f))).toEqual(['shared.js']);
  });

  it('the built windows load none of it: room, lobby, and the admin (it trusts its host, issue 13)', () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'bench-zod-build-'));
    const root = path.resolve(import.meta.dirname, '../../..');
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        out,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const rel = (kind: string) => zodClassicIn(out, kind).map((f) => path.relative(out, f));
    // A failure here: a module room or lobby loads imports a zod schema as a value. Import schemas
    // with `import type`, values from core/protocol/wire.ts, and keep helpers out of schema files.
    // The admin: renderer/admin/api.ts reads the host's answers without a schema.
    expect({ room: rel('room'), lobby: rel('lobby'), admin: rel('admin') }).toEqual({
      room: [],
      lobby: [],
      admin: [],
    });
  }, 120_000);
});
