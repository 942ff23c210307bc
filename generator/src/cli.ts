#!/usr/bin/env node
/**
 * `retell-kit` CLI: argv → command. Error classes map to exit codes: spec problems and failed
 * steps 1, bad usage 2, unwritable output 3; `generate --check` exits 1 when the output drifted.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, type GenerateArgs } from './cli/args.js';
import { buildablePackages, buildPackages, lintSpec } from './cli/steps.js';
import { ConfigError, GeneratorError, SpecError } from './errors.js';
import { generateFiles } from './pipeline.js';
import { commitOutput } from './write/atomic.js';
import { checkOutput } from './write/check.js';

/** The repository root: generator/src/cli.ts → ../.. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_SPEC = 'spec/openapi.yaml';

type Log = (line: string) => void;

async function step<T>(log: Log, name: string, fn: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await fn();
  log(`✔ ${name} (${Math.round(performance.now() - start)} ms)`);
  return value;
}

async function generate(args: GenerateArgs, log: Log): Promise<number> {
  const isDefaultSpec = args.spec === undefined;
  const spec = args.spec ? path.resolve(args.spec) : path.join(REPO_ROOT, DEFAULT_SPEC);
  const out = args.out ? path.resolve(args.out) : REPO_ROOT;
  const total = performance.now();

  // The repository's lint rules are written for our spec; other specs are only validated structurally.
  if (args.lint && isDefaultSpec && !args.check) await step(log, 'lint', () => lintSpec(REPO_ROOT, spec));
  else log(`- lint skipped${args.check ? ' (--check)' : !args.lint ? ' (--no-lint)' : ' (custom --spec)'}`);

  const result = await step(log, 'generate', () => generateFiles(spec, { strict: !args.lenient, tolerateDeviations: !args.strict, format: args.format }));
  for (const w of result.warnings) log(`  ⚠ [${w.code}] ${w.describe()}`);
  for (const t of result.timings) log(`    ${t.stage.padEnd(7)} ${Math.round(t.ms)} ms`);
  log(`    ${result.model.operations.length} operations, ${result.model.schemas.length} schemas, ${result.model.resources.reduce((n, r) => n + r.methods.length, 0)} facade methods, ${result.files.size} files`);

  if (args.check) {
    const drift = checkOutput(out, result.files);
    if (drift.length === 0) {
      log(`✔ check: ${result.files.size} generated files match (${Math.round(performance.now() - total)} ms)`);
      return 0;
    }
    log(`✖ check: ${drift.length} difference${drift.length === 1 ? '' : 's'} between the spec and the committed output:`);
    for (const d of drift) log(`    ${d.kind.padEnd(10)} ${d.path}${d.detail ? `: ${d.detail}` : ''}`);
    log('Run `pnpm generate` and commit the result.');
    return 1;
  }

  await step(log, `write ${path.relative(process.cwd(), out) || '.'}`, () => commitOutput(out, result.files));
  const isRepoOut = path.resolve(out) === path.resolve(REPO_ROOT);
  if (args.build && isRepoOut && buildablePackages(REPO_ROOT).length > 0) await step(log, 'build', () => buildPackages(REPO_ROOT));
  else log(`- build skipped${!args.build ? ' (--no-build)' : !isRepoOut ? ' (custom --out)' : ' (no build scripts)'}`);
  log(`done in ${Math.round(performance.now() - total)} ms`);
  return 0;
}

/** The spec diff lives in its own package (@retell-kit/diff); its built output when present, else its source. */
async function diff(rest: string[]): Promise<number> {
  const built = new URL('../../packages/diff/dist/esm/cli.js', import.meta.url).href;
  const source = new URL('../../packages/diff/src/cli.ts', import.meta.url).href;
  const mod = (await import(built).catch(() => import(source)).catch(() => ({}))) as { runDiffCli?: (argv: string[]) => Promise<number> };
  if (typeof mod.runDiffCli !== 'function') throw new ConfigError('the spec diff is not available (packages/diff)');
  return mod.runDiffCli(rest);
}

/** `retell-kit sync`: the spec against an official SDK release (generator/src/sync); loaded on use. */
async function sync(rest: string[], log: Log, note: Log): Promise<number> {
  const { runSync } = await import('./sync/cli.js');
  return runSync(rest, { repoRoot: REPO_ROOT, log, note });
}

async function mock(rest: string[]): Promise<number> {
  // The workspace package when installed as a dependency, else its source in this repository.
  const specifier = '@retell-kit/mock';
  const source = new URL('../../packages/mock/src/index.ts', import.meta.url).href;
  type MockModule = { mockCommand?: (argv: string[], options: { loadSpec: (file: string) => Promise<unknown> }) => Promise<number> };
  let mod = (await import(specifier).catch(() => ({}))) as MockModule;
  // A build older than the source may lack the command: the source then.
  if (typeof mod.mockCommand !== 'function') mod = (await import(source).catch(() => ({}))) as MockModule;
  if (typeof mod.mockCommand !== 'function') throw new ConfigError('the mock server is not available (@retell-kit/mock)');
  // `--spec <file>`: mock data for any document, from this generator (loaded only then).
  return mod.mockCommand(rest, { loadSpec: async (file) => (await import('./mock-data.js')).mockDataFromFile(file) });
}

/** The MCP server's own bin, in a child process that owns stdin/stdout (the stdio transport needs them). */
async function mcp(rest: string[]): Promise<number> {
  const { spawn } = await import('node:child_process');
  const bin = fileURLToPath(new URL('../../packages/mcp/bin/retell-kit-mcp.js', import.meta.url));
  const child = spawn(process.execPath, [bin, ...rest], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function llmSim(rest: string[]): Promise<number> {
  // Like `mock`: the workspace package when installed, else its source in this repository.
  const specifier = '@retell-kit/llm-socket';
  const source = new URL('../../packages/llm-socket/src/index.ts', import.meta.url).href;
  const mod = (await import(specifier).catch(() => import(source)).catch(() => ({}))) as {
    runLlmSimCli?: (argv: string[]) => Promise<number>;
  };
  if (typeof mod.runLlmSimCli !== 'function') throw new ConfigError('the LLM socket simulator is not available (@retell-kit/llm-socket)');
  return mod.runLlmSimCli(rest);
}

export async function main(argv: readonly string[], log: Log = (l) => console.log(l), logError: Log = (l) => console.error(l)): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        log(USAGE);
        return 0;
      case 'generate':
        return await generate(args, log);
      case 'diff':
        return await diff(args.rest);
      case 'sync':
        return await sync(args.rest, log, logError);
      case 'mock':
        return await mock(args.rest);
      case 'mcp':
        return await mcp(args.rest);
      case 'llm-sim':
        return await llmSim(args.rest);
    }
  } catch (error) {
    if (error instanceof SpecError) logError(`✖ ${error.name} [${error.code}] ${error.describe()}`);
    else if (error instanceof GeneratorError) logError(`✖ ${error.name}: ${error.message}`);
    else {
      // A failure outside any stage (a bug): named, one line; the stack only on request.
      logError(`✖ InternalError: ${error instanceof Error ? error.message : String(error)}${process.env['RETELL_KIT_DEBUG'] ? `\n${String((error as Error)?.stack)}` : ''}`);
      return 1;
    }
    if (process.env['RETELL_KIT_DEBUG'] && error.cause instanceof Error) logError(String(error.cause.stack));
    return error.exitCode;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
