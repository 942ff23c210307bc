/**
 * `pnpm check:packages`: each workspace package checked as a publisher ships it, from its packed tarball.
 *
 * 1. Builds the packages unless every `dist/` is newer than its sources (a fresh clone has none).
 * 2. `pnpm pack`s each one (workspace: ranges become versions, `files` applies).
 * 3. publint on the tarball: package.json fields, exports map, files that are referenced but not packed.
 * 4. attw (@arethetypeswrong/cli) on the tarball: for every entry, the JS and the types resolve and agree
 *    under node10, node16 (from CJS and from ESM) and bundler resolution.
 * 5. Plain `node` loads every entry by `import` and by `require` (no TypeScript loader).
 *
 * Prints one line per package and check; exits 1 listing every problem. `--no-build` skips step 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['packages/openapi-core', 'packages/client', 'packages/sdk', 'packages/mock', 'packages/diff', 'packages/mcp', 'packages/llm-socket'];
const RESOLUTIONS = ['node10', 'node16-cjs', 'node16-esm', 'bundler'] as const;

interface PackageJson {
  name: string;
  version: string;
  exports?: Record<string, unknown>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function oldestMtime(dir: string): number {
  let oldest = Infinity;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) oldest = Math.min(oldest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return oldest;
}

/** True when every package has a dist/ whose oldest file is newer than its newest source or config file. */
function builtAndFresh(): boolean {
  return PACKAGES.every((dir) => {
    const abs = path.join(REPO, dir);
    const dist = path.join(abs, 'dist');
    if (!existsSync(dist)) return false;
    const inputs = Math.max(newestMtime(path.join(abs, 'src')), ...readdirSync(abs).filter((f) => /^(package|tsconfig.*)\.json$/.test(f)).map((f) => statSync(path.join(abs, f)).mtimeMs));
    return oldestMtime(dist) > inputs;
  });
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** attw's JSON report: problems, and per entry point the resolution of JS and types per resolution mode. */
interface AttwReport {
  analysis: {
    problems?: { kind: string; entrypoint?: string; resolutionKind?: string }[];
    entrypoints?: Record<string, { resolutions: Record<string, { resolution?: { fileName: string; isTypeScript: boolean }; implementationResolution?: { fileName: string } }> }>;
  };
  problems?: Record<string, unknown[]>;
}

function attw(tarball: string): { problems: string[]; entries: string[] } {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');
  // Exits 1 when it finds problems; the JSON report is printed either way.
  const result = spawnSync(process.execPath, [bin, tarball, '--format', 'json', '--profile', 'strict'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report: AttwReport;
  try {
    report = JSON.parse(result.stdout) as AttwReport;
  } catch {
    return { problems: [`attw did not report (exit ${String(result.status)}): ${result.stderr.slice(0, 2000)}`], entries: [] };
  }
  const problems = (report.analysis.problems ?? []).map((p) => `attw ${p.kind}${p.entrypoint ? ` at "${p.entrypoint}"` : ''}${p.resolutionKind ? ` (${p.resolutionKind})` : ''}`);
  const entries = Object.entries(report.analysis.entrypoints ?? {});
  for (const [entry, { resolutions }] of entries) {
    if (entry.endsWith('package.json')) continue; // exported as JSON, not a module with types
    for (const kind of RESOLUTIONS) {
      const r = resolutions[kind];
      if (!r?.resolution?.isTypeScript) problems.push(`attw: "${entry}" has no types under ${kind}`);
      if (!r?.implementationResolution) problems.push(`attw: "${entry}" has no JavaScript under ${kind}`);
    }
  }
  return { problems, entries: entries.map(([e]) => e) };
}

/**
 * Entries that hold only types (the client's `./types`: schema and operation types for the facade's
 * declarations, no values): they must load, but have nothing to export at run time.
 */
const TYPES_ONLY = new Set(['@retell-kit/client/types']);

/** Loads each entry with plain node, from inside the package (self-reference through its exports map). */
function nodeLoads(dir: string, pkg: PackageJson, entries: string[]): string[] {
  const problems: string[] = [];
  for (const entry of entries.filter((e) => !e.endsWith('package.json'))) {
    const specifier = entry === '.' ? pkg.name : `${pkg.name}/${entry.replace(/^\.\//, '')}`;
    const needsExports = TYPES_ONLY.has(specifier) ? 'false' : 'true';
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(specifier)}); if (${needsExports} && Object.keys(m).length === 0) throw new Error('no exports');`], { cwd: dir, encoding: 'utf8' });
    if (esm.status !== 0) problems.push(`node import("${specifier}") failed: ${esm.stderr.split('\n').find((l) => /Error/.test(l)) ?? esm.stderr.slice(0, 300)}`);
    const cjs = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(specifier)}); if (${needsExports} && Object.keys(m).length === 0) throw new Error('no exports');`], { cwd: dir, encoding: 'utf8' });
    if (cjs.status !== 0) problems.push(`node require("${specifier}") failed: ${cjs.stderr.split('\n').find((l) => /Error/.test(l)) ?? cjs.stderr.slice(0, 300)}`);
  }
  return problems;
}

async function main(argv: string[]): Promise<number> {
  if (!argv.includes('--no-build')) {
    if (builtAndFresh()) console.log('build: dist/ is up to date');
    else {
      console.log('build: pnpm -r --filter ./packages/* run build');
      run('pnpm', ['-r', '--filter', './packages/*', 'run', 'build'], REPO);
    }
  }
  const out = mkdtempSync(path.join(tmpdir(), 'retell-kit-pack-'));
  const failures: string[] = [];
  try {
    for (const dir of PACKAGES) {
      const abs = path.join(REPO, dir);
      const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8')) as PackageJson;
      const before = new Set(readdirSync(out));
      run('pnpm', ['pack', '--pack-destination', out], abs);
      const tarballName = readdirSync(out).find((f) => !before.has(f) && f.endsWith('.tgz'));
      if (!tarballName) {
        failures.push(`${pkg.name}: pnpm pack wrote no tarball`);
        continue;
      }
      const tarball = path.join(out, tarballName);
      const data = readFileSync(tarball);
      const lint = await publint({ level: 'suggestion', strict: true, pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) } });
      const lintProblems = lint.messages.map((m) => `publint ${m.type}: ${formatMessage(m, lint.pkg) ?? m.code}`);
      const types = attw(tarball);
      const loads = nodeLoads(abs, pkg, types.entries);
      const problems = [...lintProblems, ...types.problems, ...loads];
      const size = (statSync(tarball).size / 1024).toFixed(1);
      console.log(
        `${problems.length === 0 ? '✔' : '✖'} ${pkg.name}@${pkg.version} (${tarballName}, ${size} kB): publint ${lintProblems.length === 0 ? 'clean' : `${lintProblems.length} message(s)`}; ` +
          `attw ${types.problems.length === 0 ? `clean for ${types.entries.join(', ')} under ${RESOLUTIONS.join(', ')}` : `${types.problems.length} problem(s)`}; ` +
          `node import/require ${loads.length === 0 ? 'ok' : 'failed'}`,
      );
      for (const p of problems) failures.push(`${pkg.name}: ${p}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} problem(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
