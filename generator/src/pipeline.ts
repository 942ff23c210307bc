/**
 * load → IR → emit → render, all in memory. `generateFiles` returns every output file (provenance
 * included) keyed by its path under the output root; writing or checking them is the caller's choice.
 */
import { performance } from 'node:perf_hooks';
import { EMITTERS } from './emit/index.js';
import type { EmittedFile } from './emit/files.js';
import { buildModel } from './ir/build.js';
import type { ApiModel } from './ir/types.js';
import { loadSpec, type LoadedSpec, type LoadOptions } from './load/index.js';
import { GENERATOR_VERSION } from './version.js';
import { OWNED_DIRS, OWNED_FILES, ownerDir } from './write/layout.js';
import { makeProvenance, printProvenance, PROVENANCE_FILE } from './write/provenance.js';
import { Formatter } from './write/format.js';
import { printFiles, sortByPath } from './write/render.js';

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
}

export interface GenerateResult {
  readonly spec: LoadedSpec;
  readonly model: ApiModel;
  readonly files: Map<string, string>;
  readonly timings: StageTiming[];
}

/** Adds one provenance file per generated folder; the SDK's also covers api.md and the package entry. */
function withProvenance(files: Map<string, string>, specHash: string): Map<string, string> {
  const out = new Map(files);
  for (const dir of OWNED_DIRS) {
    const owned = new Map([...files].filter(([rel]) => ownerDir(rel) === dir || (dir === OWNED_DIRS[1] && OWNED_FILES.includes(rel))));
    out.set(`${dir}/${PROVENANCE_FILE}`, printProvenance(makeProvenance(GENERATOR_VERSION, specHash, owned)));
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function generateFiles(specFile: string, options: LoadOptions = {}): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings.push({ stage, ms: performance.now() - start });
    return value;
  };
  const formatter = new Formatter();
  try {
    const spec = await time('load', () => loadSpec(specFile, options));
    // Workers load prettier while the IR is built; tiny specs never start them (see Formatter).
    if (Object.keys(spec.document['paths'] ?? {}).length > 200) formatter.warmUp();
    const model = await time('ir', () => buildModel(spec));
    // Emitters run in table order and each one's files are printed and handed to the formatter at once,
    // so the big types file is being formatted on a worker while the functions and facade are emitted.
    await time('emit+print', () => {
      for (const emitter of EMITTERS) formatter.submit(printFiles(emitter.emit({ spec, model }) satisfies EmittedFile[]));
    });
    const rendered = await time('format', () => formatter.finish());
    return { spec, model, files: withProvenance(sortByPath(rendered), spec.hash), timings };
  } finally {
    await formatter.close();
  }
}
