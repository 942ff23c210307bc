/**
 * `pnpm bench:consumer`: what adopting the facade costs an app's type-check, against retell-sdk@5.33.0
 * in the same run. Three throwaway apps (an empty one, and the same five calls written against each
 * package) are checked with `tsc --noEmit --extendedDiagnostics`, `strict` and `skipLibCheck: false`
 * (every declaration file of the package is checked too), each the median of several runs. The figure is
 * the cost over the empty app: check time, total time and memory. Target: no more than retell-sdk's.
 * Needs built packages (`pnpm generate`): apps see the published `.d.ts`, not our sources.
 *
 *   pnpm bench:consumer [--runs 5]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench/stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(root, 'node_modules/typescript/bin/tsc');

function parseArgs(argv: string[]): { runs: number } {
  const out = { runs: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--runs' && Number.isInteger(Number(value)) && Number(value) > 0) out.runs = Number(value);
    else throw new Error(`Usage: bench-consumer [--runs N]; got ${argv.slice(i, i + 2).join(' ')}`);
  }
  return out;
}

/** Five calls an app makes, identical for both packages but for the import. */
const appSource = (pkg: string): string => `import Retell from '${pkg}';

const client = new Retell({ apiKey: process.env['RETELL_API_KEY'] ?? '' });

export async function main(): Promise<string[]> {
  const llm = await client.llm.create({ general_prompt: 'You are a friendly receptionist.' });
  const agent = await client.agent.create({ response_engine: { type: 'retell-llm', llm_id: llm.llm_id }, voice_id: '11labs-Adrian' });
  const fetched = await client.agent.retrieve(agent.agent_id);
  const call = await client.call.createPhoneCall({ from_number: '+14155550100', to_number: '+14155550101', override_agent_id: fetched.agent_id });
  const updated = await client.call.update(call.call_id, { metadata: { source: 'bench' } });
  return [llm.llm_id, fetched.agent_id, updated.call_id];
}
`;

interface Stats { checkMs: number; totalMs: number; memoryKB: number; files: number }

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

function makeApp(dir: string, source: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.ts'), source);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true,
      types: ['node'], typeRoots: [join(root, 'node_modules/@types')],
    },
    files: ['app.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
}

function check(dir: string): Stats {
  let out: string;
  try {
    out = execFileSync(process.execPath, [TSC, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string };
    throw new Error(`type errors in ${dir}:\n${(e.stdout ?? '').split('\n').filter((l) => l.includes('error TS')).slice(0, 20).join('\n')}`);
  }
  const num = (label: string): number => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1] ?? NaN);
  return { checkMs: num('Check time') * 1000, totalMs: num('Total time') * 1000, memoryKB: num('Memory used'), files: num('Files') };
}


function main(): void {
  const { runs } = parseArgs(process.argv.slice(2));
  for (const pkg of ['client', 'sdk']) {
    if (!existsSync(join(root, `packages/${pkg}/dist/esm/index.d.ts`))) throw new Error(`packages/${pkg}/dist is missing: build first (pnpm generate).`);
  }
  const work = mkdtempSync(join(tmpdir(), 'retell-kit-consumer-'));
  try {
    // One node_modules for all three apps: the packages as an app installs them (symlinked, like pnpm).
    const modules = join(work, 'node_modules');
    link(join(root, 'packages/sdk'), join(modules, '@retell-kit/sdk'));
    link(join(root, 'packages/client'), join(modules, '@retell-kit/client'));
    const official = dirname(createRequire(join(root, 'packages/client/package.json')).resolve('retell-sdk')); // its CJS entry sits at the package root
    link(official, join(modules, 'retell-sdk'));
    const apps = [
      { id: 'empty', label: 'empty app', dir: join(work, 'empty'), source: 'export const nothing = 0;\n' },
      { id: 'ours', label: '5 calls, @retell-kit/sdk', dir: join(work, 'ours'), source: appSource('@retell-kit/sdk') },
      { id: 'official', label: '5 calls, retell-sdk@5.33.0', dir: join(work, 'official'), source: appSource('retell-sdk') },
    ];
    for (const app of apps) makeApp(app.dir, app.source);
    const samples = new Map(apps.map((a) => [a.id, [] as Stats[]]));
    for (let i = 0; i < runs; i++) for (const app of apps) samples.get(app.id)!.push(check(app.dir));
    const med = (id: string, key: keyof Stats): number => median(samples.get(id)!.map((s) => s[key]));
    console.log(`bench:consumer  typescript ${createRequire(import.meta.url)('typescript/package.json').version}, strict, skipLibCheck: false; median of ${runs} runs`);
    console.log('| app | files | check | total | memory | over empty: total | over empty: memory |');
    console.log('|---|---|---|---|---|---|---|');
    for (const app of apps) {
      const over = app.id === 'empty' ? ['', ''] : [`+${(med(app.id, 'totalMs') - med('empty', 'totalMs')).toFixed(0)} ms`, `+${((med(app.id, 'memoryKB') - med('empty', 'memoryKB')) / 1024).toFixed(1)} MB`];
      console.log(`| ${app.label} | ${med(app.id, 'files')} | ${med(app.id, 'checkMs').toFixed(0)} ms | ${med(app.id, 'totalMs').toFixed(0)} ms | ${(med(app.id, 'memoryKB') / 1024).toFixed(1)} MB | ${over[0]} | ${over[1]} |`);
    }
    const cost = (id: string, key: keyof Stats): number => med(id, key) - med('empty', key);
    const time = cost('ours', 'totalMs') / cost('official', 'totalMs');
    const memory = cost('ours', 'memoryKB') / cost('official', 'memoryKB');
    console.log(`time over empty: ours/retell-sdk = ${time.toFixed(2)}x; memory over empty: ${memory.toFixed(2)}x (target <= 1.00x: ${time <= 1 && memory <= 1 ? 'met' : 'NOT met'})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
