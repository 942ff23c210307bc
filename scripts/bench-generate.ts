/**
 * `pnpm bench:generate`: wall time and peak memory of the whole generator pipeline (load, IR, emit,
 * format, write; no lint or build) against peers measured in the same run:
 *   - our spec: ours vs openapi-typescript types-only (target: ours ≤ 3× its time);
 *   - GitHub's api.github.com spec (~1,200 operations, 13 MB): ours vs @hey-api/openapi-ts 0.95 with
 *     its types + SDK + fetch client plugins (target: ours ≥ 2× faster).
 * Every run is a fresh Node process (module loading included, as a user would see it); runs alternate
 * between tools; the median is reported with the peak RSS (worker threads included).
 *   pnpm bench:generate [--runs 5] [--large-runs 3] [--only small|large]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(repo, 'package.json'));
const self = fileURLToPath(import.meta.url);

type Tool = 'ours' | 'openapi-typescript' | 'hey-api';

interface Sample {
  readonly ms: number;
  readonly rssMb: number;
  readonly operations: number;
}

/** Child-process mode: run one tool once and print one JSON line with its time and peak memory. */
async function runOnce(tool: Tool, spec: string, out: string): Promise<void> {
  const start = performance.now();
  let operations = 0;
  if (tool === 'ours') {
    const { generateFiles } = await import('../generator/src/pipeline.js');
    const { commitOutput } = await import('../generator/src/write/atomic.js');
    const result = await generateFiles(spec, { strict: false });
    commitOutput(out, result.files);
    operations = result.model.operations.length;
  } else if (tool === 'openapi-typescript') {
    const { default: openapiTS, astToString } = await import('openapi-typescript');
    const ast = await openapiTS(pathToFileURL(spec), { silent: true });
    writeFileSync(path.join(out, 'schema.ts'), astToString(ast));
  } else {
    const { createClient } = await import('@hey-api/openapi-ts');
    await createClient({
      input: spec,
      output: { path: out },
      plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
      logs: { level: 'silent' },
    } as Parameters<typeof createClient>[0]);
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, operations }));
}

function sample(tool: Tool, spec: string): Sample {
  const out = mkdtempSync(path.join(tmpdir(), `bench-generate-${tool}-`));
  try {
    const tsx = path.join(repo, 'node_modules/tsx/dist/cli.mjs');
    const r = spawnSync(process.execPath, [tsx, self, '--run', tool, spec, out], { cwd: repo, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${tool} failed on ${spec}:\n${r.stderr}`);
    return JSON.parse(line) as Sample;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Row {
  readonly spec: string;
  readonly tool: Tool;
  readonly ms: number;
  readonly rssMb: number;
  readonly operations: number;
}

function measure(specName: string, spec: string, tools: Tool[], runs: number): Row[] {
  const samples = new Map<Tool, Sample[]>(tools.map((t) => [t, []]));
  // One warm-up each (disk cache, JIT of the loaders), then alternate tools run by run.
  for (const t of tools) sample(t, spec);
  for (let i = 0; i < runs; i++) {
    for (const t of i % 2 ? [...tools].reverse() : tools) {
      const s = sample(t, spec);
      samples.get(t)!.push(s);
      process.stderr.write(`  ${specName} ${t} run ${i + 1}/${runs}: ${Math.round(s.ms)} ms, ${Math.round(s.rssMb)} MB\n`);
    }
  }
  // Operations as the IR counts them (GET/PUT/POST/DELETE/PATCH), reported by our own runs.
  const operations = samples.get('ours')![0]!.operations;
  return tools.map((tool) => {
    const list = samples.get(tool)!;
    return { spec: specName, tool, ms: median(list.map((s) => s.ms)), rssMb: Math.max(...list.map((s) => s.rssMb)), operations };
  });
}

function flag(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const v = i === -1 ? fallback : Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name} must be a positive integer`);
    process.exit(2);
  }
  return v;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--run') return runOnce(argv[1] as Tool, argv[2]!, argv[3]!);
  const runs = flag(argv, '--runs', 5);
  const largeRuns = flag(argv, '--large-runs', 3);
  const ourSpec = path.join(repo, 'spec/openapi.yaml');
  const github = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');

  console.log(`bench:generate on ${process.version}, ${runs} runs on our spec, ${largeRuns} on GitHub's (median wall time, peak RSS)\n`);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'small' && only !== 'large') {
    console.error('--only must be "small" or "large"');
    process.exit(2);
  }
  const rows = [
    ...(only !== 'large' ? measure('retell (ours)', ourSpec, ['ours', 'openapi-typescript'], runs) : []),
    ...(only !== 'small' ? measure('api.github.com', github, ['ours', 'hey-api'], largeRuns) : []),
  ];
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('spec', 16)}${pad('tool', 20)}${pad('ops', 6)}${pad('median ms', 11)}${pad('ms/op', 8)}peak MB`);
  for (const r of rows) {
    console.log(`${pad(r.spec, 16)}${pad(r.tool, 20)}${pad(String(r.operations), 6)}${pad(String(Math.round(r.ms)), 11)}${pad((r.ms / r.operations).toFixed(2), 8)}${Math.round(r.rssMb)}`);
  }
  const get = (spec: string, tool: Tool) => rows.find((r) => r.spec === spec && r.tool === tool);
  const oursSmall = get('retell (ours)', 'ours');
  const ots = get('retell (ours)', 'openapi-typescript');
  const oursLarge = get('api.github.com', 'ours');
  const hey = get('api.github.com', 'hey-api');
  console.log('');
  if (oursSmall && ots) {
    const r1 = oursSmall.ms / ots.ms;
    console.log(`our spec: ours / openapi-typescript types-only = ${r1.toFixed(2)}×  (target ≤ 3×: ${r1 <= 3 ? 'met' : 'NOT met'})`);
  }
  if (oursLarge && hey) {
    const r2 = hey.ms / oursLarge.ms;
    console.log(`GitHub:   @hey-api/openapi-ts / ours          = ${r2.toFixed(2)}×  (target ≥ 2×: ${r2 >= 2 ? 'met' : 'NOT met'})`);
  }
  if (oursSmall && oursLarge) {
    const perOpSmall = oursSmall.ms / oursSmall.operations;
    const perOpLarge = oursLarge.ms / oursLarge.operations;
    console.log(`ms per operation: ${perOpSmall.toFixed(2)} on ours, ${perOpLarge.toFixed(2)} on GitHub (target: large ≤ small: ${perOpLarge <= perOpSmall ? 'met' : 'NOT met'})`);
  }
}

await main(process.argv.slice(2));
