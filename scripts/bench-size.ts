/**
 * `pnpm bench:size`: what one API call costs an app. Bundles a one-call app with esbuild (minified,
 * ESM, browser platform, tree-shaken) for our per-operation function (with `new RetellCore()`, and with
 * `createClient()` for reference), our facade and retell-sdk@5.66.1 (the release the spec matches; 5.33.0 too), and reports raw and gzip sizes plus
 * the cold import time of each bundle (median of fresh processes).
 *
 *   pnpm bench:size [--runs 7] [--out .bench/size]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_OPERATION_GZIP = 4096;

interface App { id: string; label: string; source: string; resolveDir: string; peer?: boolean }

function parseArgs(argv: string[]): { runs: number; out: string } {
  const out = { runs: 7, out: join(root, '.bench/size') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--runs' && Number.isInteger(Number(value)) && Number(value) > 0) out.runs = Number(value);
    else if (flag === '--out' && value) out.out = resolve(value);
    else throw new Error(`Usage: bench-size [--runs N] [--out DIR]; got ${argv.slice(i, i + 2).join(' ')}`);
  }
  return out;
}

/**
 * Our apps, as the README shows them: a per-operation function with the lean `new RetellCore()` (the
 * target row), the same with `createClient()` (adds the typed path methods, i.e. openapi-fetch; shown for
 * reference), and the facade.
 */
async function apps(): Promise<{ list: App[]; notes: string[] }> {
  const notes: string[] = [];
  const client: Record<string, unknown> = await import('../packages/client/src/index.js');
  const clientDir = join(root, 'packages/client');
  if (!('getAgent' in client) || !('createClient' in client)) {
    throw new Error('@retell-kit/client exports no getAgent/createClient: run `pnpm generate` first.');
  }
  const list: App[] = [
    {
      id: 'operation', label: 'our getAgent(new RetellCore(), id)', resolveDir: clientDir,
      source: `import { RetellCore, getAgent } from '@retell-kit/client';\nexport const main = () => getAgent(new RetellCore(), 'agent_1');`,
    },
    {
      id: 'operation-path-client', label: 'our getAgent(createClient(), id)', resolveDir: clientDir,
      source: `import { createClient, getAgent } from '@retell-kit/client';\nexport const main = () => getAgent(createClient(), 'agent_1');`,
    },
  ];
  // Not imported here: under tsx, the SDK would resolve @retell-kit/client to its (possibly stale) dist/;
  // esbuild below resolves both packages to their sources.
  if (existsSync(join(root, 'packages/sdk/src/index.ts'))) {
    list.push({
      id: 'facade', label: 'our new Retell().agent.retrieve(id)', resolveDir: join(root, 'packages/sdk'),
      source: `import Retell from '@retell-kit/sdk';\nexport const main = () => new Retell().agent.retrieve('agent_1');`,
    });
  } else {
    notes.push('facade skipped: @retell-kit/sdk has no entry yet (packages/sdk/src/index.ts)');
  }
  // The peer is the release the spec matches (same 114 methods); 5.33.0 (81 methods) stays for continuity.
  list.push({
    id: 'retell-sdk', label: 'retell-sdk@5.66.1 new Retell().agent.retrieve(id)', resolveDir: root, peer: true,
    source: `import Retell from 'retell-sdk-5.66.1';\nexport const main = () => new Retell().agent.retrieve('agent_1');`,
  });
  list.push({
    id: 'retell-sdk-5.33', label: 'retell-sdk@5.33.0 new Retell().agent.retrieve(id)', resolveDir: clientDir,
    source: `import Retell from 'retell-sdk';\nexport const main = () => new Retell().agent.retrieve('agent_1');`,
  });
  return { list, notes };
}

async function bundle(app: App, outDir: string): Promise<{ file: string; raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents: app.source, resolveDir: app.resolveDir, loader: 'ts', sourcefile: `${app.id}.ts` },
    bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false,
    // Our packages are bundled from source (their `source` export condition): no build step needed.
    conditions: ['source'], logLevel: 'silent', legalComments: 'none',
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(outDir, `${app.id}.mjs`);
  writeFileSync(file, code);
  return { file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Median wall time of `import(file)` in fresh Node processes (module evaluation included, no request made). */
function coldImportMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});process.stdout.write(String(performance.now()-t))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, RETELL_API_KEY: 'k' } })));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const { runs, out } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  createRequire(join(root, 'packages/client/package.json')).resolve('retell-sdk'); // fail early with a clear error if missing
  const { list, notes } = await apps();
  const rows: { app: App; raw: number; gzip: number; importMs: number }[] = [];
  for (const app of list) {
    const { file, raw, gzip } = await bundle(app, out);
    rows.push({ app, raw, gzip, importMs: coldImportMs(file, runs) });
  }
  const peer = rows.find((r) => r.app.peer)!;
  const kb = (n: number): string => `${(n / 1024).toFixed(2)} kB`;
  console.log(`bench:size  esbuild ${(await import('esbuild')).version}, minified ESM for the browser, gzip -9; cold import: median of ${runs} fresh node processes`);
  const head = ['app', 'minified', 'gzip', 'gzip vs retell-sdk', 'cold import'];
  const table = rows.map((r) => [r.app.label, kb(r.raw), kb(r.gzip), `${(r.gzip / peer.gzip).toFixed(2)}x`, `${r.importMs.toFixed(1)} ms`]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const t of table) console.log(line(t));
  const operation = rows.find((r) => r.app.id === 'operation')!;
  const facade = rows.find((r) => r.app.id === 'facade');
  console.log(`target  per-operation (new RetellCore()) <= ${kb(TARGET_OPERATION_GZIP)} gzip: ${operation.gzip <= TARGET_OPERATION_GZIP ? 'met' : 'MISSED'} (${kb(operation.gzip)})`);
  if (facade) console.log(`target  facade <= retell-sdk: ${facade.gzip <= peer.gzip ? 'met' : 'MISSED'} (${kb(facade.gzip)} vs ${kb(peer.gzip)})`);
  for (const note of notes) console.log(`note    ${note}`);
  console.log(`bundles written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(`bench:size failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
