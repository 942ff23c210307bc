/**
 * pnpm bench:diff <base> <head> [--runs N]
 *
 * Runs our spec diff and `redocly diff` (@redocly/cli) on the same pair of spec files in the same run,
 * alternating so that both see the same machine state, and prints median wall times (process start to
 * exit, as a user or CI sees them), the in-process time of our load + diff, redocly's self-reported
 * time, and the finding counts of both tools. Ours is timed through what users type,
 * `pnpm spec:diff <base> <head>` (pnpm's own start-up included), and through the package's bin
 * (`retell-kit-diff`, as `npx` runs it). Both run the built package: run `pnpm build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DiffReport } from '../packages/diff/src/diff.js';
import { median } from './bench/stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = (name: string) => `${ROOT}node_modules/.bin/${name}`;
const USAGE = 'usage: pnpm bench:diff <base-spec-file> <head-spec-file> [--runs N]';

interface Timed<T> {
  ms: number;
  value: T;
}

interface BenchArgs {
  base: string;
  head: string;
  runs: number;
}

function parseBenchArgs(argv: readonly string[]): BenchArgs | string {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;
  const files = argv.filter((_, i) => runsAt < 0 || (i !== runsAt && i !== runsAt + 1));
  if (files.length !== 2 || !Number.isInteger(runs) || runs < 1) return USAGE;
  const missing = files.find((f) => !existsSync(f));
  if (missing !== undefined) return `bench-diff: ${missing} does not exist\n${USAGE}`;
  return { base: files[0] as string, head: files[1] as string, runs };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const { base, head, runs } = args;
  if (!existsSync(DIST)) {
    process.stderr.write('bench-diff: packages/diff is not built; run `pnpm build` first\n');
    return 2;
  }
  const ours: Array<Timed<DiffReport>> = [];
  const bin: Array<Timed<DiffReport>> = [];
  const theirs: Array<Timed<RedoclyResult>> = [];
  const floor: number[] = [];
  // One untimed warm-up each (file cache), then alternate.
  runOurs(['pnpm', '-s', 'spec:diff'], base, head);
  runRedocly(base, head);
  for (let i = 0; i < runs; i++) {
    ours.push(timed(() => runOurs(['pnpm', '-s', 'spec:diff'], base, head)));
    theirs.push(timed(() => runRedocly(base, head)));
    bin.push(timed(() => runOurs([process.execPath, `${ROOT}packages/diff/bin/retell-kit-diff.js`], base, head)));
    floor.push(timed(() => spawnSync('pnpm', ['-s', 'exec', 'node', '-e', '0'], { cwd: ROOT })).ms);
  }
  const inside = await inProcess(base, head, runs);
  process.stdout.write(report(args, ours, bin, theirs, inside, floor));
  return 0;
}

const DIST = `${ROOT}packages/diff/dist/esm/index.js`;

/** Paths are made absolute: `pnpm spec:diff` runs in the repository root whatever the caller's directory. */
function runOurs(command: readonly string[], base: string, head: string): DiffReport {
  const [file, ...rest] = command as [string, ...string[]];
  const result = spawnSync(file, [...rest, resolve(base), resolve(head), '--format', 'json', '--fail-on', 'none'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${String(result.status)}: ${result.stderr}`);
  return JSON.parse(result.stdout) as DiffReport;
}

interface RedoclyResult {
  major: number;
  minor: number;
  patch: number;
  selfReportedMs: number | null;
}

function runRedocly(base: string, head: string): RedoclyResult {
  // Run from a neutral directory: the repository's redocly.yaml configures linting of our own spec, and
  // with it redocly diff is slower and reports differently. Its defaults are the fair (and faster) peer.
  const result = spawnSync(BIN('redocly'), ['diff', resolve(base), resolve(head), '--fail-on', 'none', '--lint-config', 'off'], {
    cwd: tmpdir(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = `${result.stdout}\n${result.stderr}`;
  const counts = /(\d+) major, (\d+) minor, (\d+) patch/.exec(text);
  if (result.status !== 0 || counts === null) throw new Error(`redocly diff exited ${String(result.status)}: ${text.slice(-2000)}`);
  const self = /diff processed in (\d+)ms/.exec(text);
  return { major: Number(counts[1]), minor: Number(counts[2]), patch: Number(counts[3]), selfReportedMs: self === null ? null : Number(self[1]) };
}

function timed<T>(fn: () => T): Timed<T> {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Load + diff inside one process, through the built package (what the bin runs). */
async function inProcess(base: string, head: string, runs: number): Promise<number[]> {
  const { diffDocuments, loadDocument } = (await import(pathToFileURL(DIST).href)) as typeof import('../packages/diff/src/index.js');
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    const [b, h] = await Promise.all([loadDocument('base', base, base), loadDocument('head', head, head)]);
    diffDocuments({ ...b, source: base }, { ...h, source: head });
    if (i > 0) out.push(performance.now() - start);
  }
  return out;
}


function report(
  args: BenchArgs,
  ours: Array<Timed<DiffReport>>,
  bin: Array<Timed<DiffReport>>,
  theirs: Array<Timed<RedoclyResult>>,
  inside: readonly number[],
  floor: readonly number[],
): string {
  const last = (ours.at(-1) as Timed<DiffReport>).value;
  const red = (theirs.at(-1) as Timed<RedoclyResult>).value;
  const oursMs = median(ours.map((r) => r.ms));
  const theirsMs = median(theirs.map((r) => r.ms));
  const binMs = median(bin.map((r) => r.ms));
  const breaking = last.findings.filter((f) => f.level === 'breaking');
  const byDirection = (d: string) => breaking.filter((f) => f.direction === d).length;
  const selfTimes = theirs.map((r) => r.value.selfReportedMs).filter((v): v is number => v !== null);
  const row = (name: string, wall: number, min: number, findings: string) =>
    `${name.padEnd(18)}${`${wall.toFixed(0)} ms`.padStart(12)}${`${min.toFixed(0)} ms`.padStart(10)}   ${findings}`;
  const lines = [
    `spec diff benchmark: ${args.base} vs ${args.head}`,
    `${args.runs} runs each, alternating, after one warm-up; Node ${process.version}`,
    '',
    `${'tool'.padEnd(18)}${'median wall'.padStart(12)}${'min'.padStart(10)}   findings`,
    row(
      'pnpm spec:diff',
      oursMs,
      Math.min(...ours.map((r) => r.ms)),
      `${last.summary.breaking} breaking (${byDirection('request')} request, ${byDirection('response')} response, ${byDirection('none')} route), ${last.summary.warning} warning, ${last.summary.info} info; verdict ${last.verdict.bump} (wire ${last.verdict.wire.bump}, SDK ${last.verdict.sdk.bump})`,
    ),
    row('retell-kit-diff bin', binMs, Math.min(...bin.map((r) => r.ms)), JSON.stringify((bin.at(-1) as Timed<DiffReport>).value.findings) === JSON.stringify(last.findings) ? 'same findings' : 'FINDINGS DIFFER'),
    row('pnpm exec node -e 0', median(floor), Math.min(...floor), 'start-up floor of any pnpm command (pnpm + node, no work)'),
    row('redocly diff', theirsMs, Math.min(...theirs.map((r) => r.ms)), `${red.major} major, ${red.minor} minor, ${red.patch} patch`),
    '',
    `wall-time ratio pnpm spec:diff / redocly diff: ${(oursMs / theirsMs).toFixed(2)} (target <= 0.50); bin / redocly diff: ${(binMs / theirsMs).toFixed(2)}`,
    `in-process, no process start: retell-kit load + diff median ${median(inside).toFixed(0)} ms; redocly self-reported median ${selfTimes.length === 0 ? 'n/a' : `${median(selfTimes).toFixed(0)} ms`}`,
  ];
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench-diff: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
