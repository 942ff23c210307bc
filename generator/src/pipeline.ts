/**
 * load → IR → emit → write, all in memory: `generateFiles` returns every output file (provenance
 * included) keyed by its path under the output root; writing or checking them is the caller's choice.
 * Where the work runs (this thread or workers) is the scheduler's business (write/scheduler.ts).
 */
import { performance } from 'node:perf_hooks';
import type { ApiModel, LoadedSpec, LoadOptions, SpecError } from './core.js';
import { inStage } from './errors.js';
import { withProvenance } from './write/provenance.js';
import { Scheduler, threadMode, type ThreadMode } from './write/scheduler.js';

/**
 * The stages' modules (Redocly, ts-morph, the emitters) are imported once the workers have started:
 * loading them takes about a second, which the workers spend loading TypeScript and prettier.
 */
async function stages() {
  const [core, emit, render] = await Promise.all([import('./core.js'), import('./emit/index.js'), import('./write/render.js')]);
  return { loadSpec: core.loadSpec, buildModel: core.buildModel, EMITTERS: emit.EMITTERS, printFiles: render.printFiles, sortByPath: render.sortByPath };
}

export { threadMode, type ThreadMode } from './write/scheduler.js';

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

/**
 * Whether prettier formats the generated TypeScript: `always` (default), or `never` for a quicker run
 * (prettier costs about as much CPU as everything else together). Never chosen from the spec's size.
 */
export type FormatMode = 'always' | 'never';

export interface GenerateOptions extends LoadOptions {
  /** Default: chosen from the spec's size and the number of cores (see write/scheduler.ts). */
  readonly threads?: ThreadMode;
  readonly format?: FormatMode;
}

export async function generateFiles(specFile: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings.push({ stage, ms: performance.now() - start });
    return value;
  };
  const scheduler = new Scheduler(options.threads ?? threadMode(specFile), options.format !== 'never');
  try {
    const { loadSpec, buildModel, EMITTERS, printFiles, sortByPath } = await stages();
    const validator = scheduler.validator();
    const spec = await time('load', () => inStage('load', { file: specFile }, () => loadSpec(specFile, validator ? { ...options, validator } : options)));
    const model = await time('ir', () => inStage('ir', { file: spec.file }, () => buildModel(spec)));
    await time('emit+print', () => scheduler.emit(EMITTERS, { spec, model }, printFiles));
    const rendered = await time('format', () => scheduler.finish());
    const conversion = spec.conversion && `${spec.conversion.from} → OpenAPI ${spec.version} by ${spec.conversion.tool}`;
    return { spec, model, files: withProvenance(sortByPath(rendered), spec.hash, conversion, model.upstream), timings, warnings: spec.warnings };
  } finally {
    await scheduler.close();
  }
}
