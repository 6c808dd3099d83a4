import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The npm packages (CommonJS, so in require's cache) a fresh Node has loaded after importing
 * `module` from the sources: what a host pays for at every start before it listens.
 */
function packagesLoadedBy(module: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(new URL(module, `file://${ROOT}`).href)});
    const names = Object.keys(createRequire(import.meta.url).cache)
      .map((k) => k.match(/node_modules[\\\\/]((@[^\\\\/]+[\\\\/])?[^\\\\/]+)[\\\\/]/)?.[1])
      .filter(Boolean);
    console.log(JSON.stringify([...new Set(names)]));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('hallway serve loads only what a host alone needs', () => {
  // selfsigned (with its ASN.1 stack) and the NATS client cost a third of a second and more of
  // every start; only --lan (a certificate to make) and --cluster use them.
  it('leaves the certificate maker and the NATS client out', () => {
    const loaded = packagesLoadedBy('electron/cli/serve.ts');
    expect(loaded).not.toContain('selfsigned');
    expect(loaded.filter((p) => p.startsWith('@peculiar/'))).toEqual([]);
    expect(loaded).not.toContain('nats');
  }, 60_000);

  it('sees the NATS client where a cluster is joined (the check itself works)', () => {
    expect(packagesLoadedBy('electron/host/cluster/index.ts')).toContain('nats');
  }, 60_000);
});
