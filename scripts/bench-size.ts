/**
 * `pnpm bench:size`: what one API call costs an app. Bundles a one-call app with esbuild (minified,
 * ESM, browser platform, tree-shaken) for our per-operation function, our facade and retell-sdk@5.33.0,
 * and reports raw and gzip sizes plus the cold import time of each bundle (median of fresh processes).
 *
 *   pnpm bench:size [--runs 7] [--out .bench/size]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Our apps use the generated entry points when they exist, else the runtime call a generated function makes. */
async function apps(): Promise<{ list: App[]; notes: string[] }> {
  const notes: string[] = [];
  const client: Record<string, unknown> = await import('../packages/client/src/index.js');
  const clientDir = join(root, 'packages/client');
  const operation: App =
    'getAgent' in client && 'createClient' in client
      ? {
          id: 'operation', label: 'our getAgent(client, id)', resolveDir: clientDir,
          source: `import { createClient, getAgent } from '@retell-kit/client';\nexport const main = () => getAgent(createClient(), 'agent_1');`,
        }
      : {
          id: 'operation', label: 'our core.request(getAgentOp) (getAgent not generated yet)', resolveDir: clientDir,
          source: `import { RetellCore } from '@retell-kit/client';\nconst op = { operationId: 'getAgent', method: 'GET', path: '/get-agent/{agent_id}' };\nexport const main = () => new RetellCore().request(op, { path: { agent_id: 'agent_1' } });`,
        };
  if (operation.label.includes('not generated')) notes.push('per-operation function: generated code not present, measured the runtime call it will make');
  const list = [operation];
  let sdk: Record<string, unknown> | undefined;
  try {
    sdk = await import('../packages/sdk/src/index.js');
  } catch (error) {
    notes.push(`facade skipped: @retell-kit/sdk has no entry yet (${(error as Error).message.split('\n')[0]})`);
  }
  if (sdk) {
    const name = 'Retell' in sdk ? '{ Retell }' : 'Retell';
    list.push({
      id: 'facade', label: 'our new Retell().agent.retrieve(id)', resolveDir: join(root, 'packages/sdk'),
      source: `import ${name} from '@retell-kit/sdk';\nexport const main = () => new Retell().agent.retrieve('agent_1');`,
    });
  }
  list.push({
    id: 'retell-sdk', label: 'retell-sdk@5.33.0 new Retell().agent.retrieve(id)', resolveDir: clientDir, peer: true,
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
  console.log(`target  per-operation <= ${kb(TARGET_OPERATION_GZIP)} gzip: ${operation.gzip <= TARGET_OPERATION_GZIP ? 'met' : 'MISSED'} (${kb(operation.gzip)})`);
  if (facade) console.log(`target  facade <= retell-sdk: ${facade.gzip <= peer.gzip ? 'met' : 'MISSED'} (${kb(facade.gzip)} vs ${kb(peer.gzip)})`);
  for (const note of notes) console.log(`note    ${note}`);
  console.log(`bundles written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(`bench:size failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
