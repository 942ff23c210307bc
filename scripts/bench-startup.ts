/**
 * `pnpm bench:startup`: what importing the facade costs a process at start, against retell-sdk@5.33.0 in
 * the same run. Each sample is a fresh `node` process timed from spawn to exit: `node -e 0` (the floor),
 * then `require()` (CJS) and `import()` (ESM) of each package's built entry. The figure is the median
 * over the floor; the variants are interleaved so that machine noise falls on all of them alike.
 * Target: our overhead at most half of retell-sdk's, CJS and ESM. Needs built packages (`pnpm generate`).
 *
 *   pnpm bench:startup [--runs 20]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './bench/stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function parseArgs(argv: string[]): { runs: number } {
  const out = { runs: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--runs' && Number.isInteger(Number(value)) && Number(value) > 0) out.runs = Number(value);
    else throw new Error(`Usage: bench-startup [--runs N]; got ${argv.slice(i, i + 2).join(' ')}`);
  }
  return out;
}

interface Variant { id: string; label: string; args: string[] }

function variants(): Variant[] {
  const ours = { cjs: join(root, 'packages/sdk/dist/cjs/index.js'), esm: join(root, 'packages/sdk/dist/esm/index.js') };
  for (const file of Object.values(ours)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build the packages first (pnpm generate).`);
  }
  // retell-sdk is a devDependency of @retell-kit/client; resolve its CJS and ESM entries from there.
  const fromClient = createRequire(join(root, 'packages/client/package.json'));
  const officialCjs = fromClient.resolve('retell-sdk');
  const officialEsm = officialCjs.replace(/index\.js$/, 'index.mjs');
  return [
    { id: 'floor', label: 'node -e 0', args: ['-e', '0'] },
    { id: 'ours-cjs', label: 'require(@retell-kit/sdk)', args: ['-e', `require(${JSON.stringify(ours.cjs)})`] },
    { id: 'official-cjs', label: 'require(retell-sdk)', args: ['-e', `require(${JSON.stringify(officialCjs)})`] },
    { id: 'ours-esm', label: 'import(@retell-kit/sdk)', args: ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(ours.esm).href)})`] },
    { id: 'official-esm', label: 'import(retell-sdk)', args: ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(officialEsm).href)})`] },
  ];
}

function sample(v: Variant): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, v.args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, RETELL_API_KEY: 'k' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${v.label} failed: ${result.stderr.toString()}`);
  return ms;
}


function main(): void {
  const { runs } = parseArgs(process.argv.slice(2));
  const list = variants();
  const times = new Map(list.map((v) => [v.id, [] as number[]]));
  for (const v of list) sample(v); // warm the file system cache
  for (let i = 0; i < runs; i++) for (const v of list) times.get(v.id)!.push(sample(v));
  const med = new Map([...times].map(([id, t]) => [id, median(t)]));
  const floor = med.get('floor')!;
  console.log(`bench:startup  node ${process.version}, median of ${runs} fresh processes per row, interleaved`);
  console.log('| import | median | over node -e 0 |');
  console.log('|---|---|---|');
  for (const v of list) {
    const m = med.get(v.id)!;
    console.log(`| ${v.label} | ${m.toFixed(1)} ms | ${v.id === 'floor' ? '' : `+${(m - floor).toFixed(1)} ms`} |`);
  }
  for (const kind of ['cjs', 'esm'] as const) {
    const ours = med.get(`ours-${kind}`)! - floor;
    const theirs = med.get(`official-${kind}`)! - floor;
    const ratio = ours / theirs;
    console.log(`${kind.toUpperCase()}: ours +${ours.toFixed(1)} ms vs retell-sdk +${theirs.toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= 0.50x: ${ratio <= 0.5 ? 'met' : 'NOT met'})`);
  }
}

main();
