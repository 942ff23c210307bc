/**
 * load → IR → emit → render, all in memory. `generateFiles` returns every output file (provenance
 * included) keyed by its path under the output root; writing or checking them is the caller's choice.
 */
import { performance } from 'node:perf_hooks';
import { EMITTERS } from './emit/index.js';
import type { EmittedFile } from './emit/files.js';
import { buildModel } from './ir/build.js';
import type { ApiModel } from './ir/types.js';
import { loadSpec, type LoadedSpec } from './load/index.js';
import { GENERATOR_VERSION } from './version.js';
import { OWNED_DIRS, OWNED_FILES, ownerDir } from './write/layout.js';
import { makeProvenance, printProvenance, PROVENANCE_FILE } from './write/provenance.js';
import { renderFiles } from './write/render.js';

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

export async function generateFiles(specFile: string): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await fn();
    timings.push({ stage, ms: performance.now() - start });
    return value;
  };
  const spec = await time('load', () => loadSpec(specFile));
  const model = await time('ir', () => buildModel(spec));
  const emitted = await time('emit', () => EMITTERS.flatMap((e): EmittedFile[] => e.emit({ spec, model })));
  const rendered = await time('render', () => renderFiles(emitted));
  return { spec, model, files: withProvenance(rendered, spec.hash), timings };
}
