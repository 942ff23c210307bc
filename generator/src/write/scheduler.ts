/**
 * Where the generator's work runs: the one place that knows about threads. The pipeline hands it the
 * emitters and the printed files; it decides what runs on this thread and what on workers, and returns
 * the same bytes either way (test/generator/determinism.test.ts compares the modes).
 *
 * - `serial` (default): everything on this thread. Starting workers costs more than it saves below
 *   `SPLIT_MIN_BYTES` of spec, and on a single core.
 * - `split`: openapi-typescript (the heaviest emitter) runs and formats `schema.ts` on a worker while the
 *   others emit here.
 * - `pool`: as `split`, plus structural validation and every file's formatting on a pool of two workers.
 *
 * The mode follows the spec's size on disk unless the caller asks for one (`--threads` in tests and
 * benchmarks); it never changes the output.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { EmitInput, Emitter } from '../emit/index.js';
import { SchemaWorker } from '../emit/types/off-thread.js';
import { inStage } from '../errors.js';
import type { Validator } from '../core.js';
import type { EmittedFile } from '../emit/files.js';
import { Formatter, type FormatJob } from './format.js';

/** Turns emitted files into text jobs (write/render.ts; passed in so ts-morph loads only once the workers run). */
export type Printer = (files: readonly EmittedFile[]) => FormatJob[];

export type ThreadMode = 'serial' | 'split' | 'pool';

const SPLIT_MIN_BYTES = 200_000;
const POOL_MIN_BYTES = 3_000_000;

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
    if (total <= POOL_MIN_BYTES) walk(dir, 0);
  } catch {
    return 0;
  }
  return total;
}

/** The mode for a spec file when the caller does not ask for one. */
export function threadMode(specFile: string): ThreadMode {
  if (availableParallelism() < 2) return 'serial';
  const size = specSize(specFile);
  return size > POOL_MIN_BYTES ? 'pool' : size > SPLIT_MIN_BYTES ? 'split' : 'serial';
}

export class Scheduler {
  private readonly formatter: Formatter;
  private readonly schemaWorker: SchemaWorker | undefined;

  /** Workers start at once, so they load TypeScript and prettier while the spec is read. */
  constructor(
    readonly mode: ThreadMode,
    /** Whether prettier formats the output; when not, files are written as printed. */
    private readonly pretty: boolean,
  ) {
    this.formatter = new Formatter(mode === 'pool');
    this.formatter.warmUp();
    this.schemaWorker = mode === 'serial' ? undefined : new SchemaWorker();
  }

  /** Structural validation on the pool (pool mode), for `loadSpec`; undefined: the loader validates here. */
  validator(): Validator | undefined {
    return this.formatter.validator();
  }

  /**
   * Runs the emitters in table order and hands each one's printed files to the formatter at once, so
   * formatting overlaps with emitting; an off-thread emitter runs on its worker meanwhile.
   */
  async emit(emitters: readonly Emitter[], input: EmitInput, printFiles: Printer): Promise<void> {
    const worker = this.schemaWorker;
    const offThread = worker ? emitters.filter((e) => e.offThread) : [];
    const pending = offThread.map((emitter) =>
      inStage('emit', { part: emitter.name }, () => worker!.emit(input.spec, this.pretty && this.mode === 'split')).then((file) => this.submit(printFiles([file]))),
    );
    for (const emitter of emitters) {
      if (offThread.includes(emitter)) continue;
      const files = await inStage('emit', { part: emitter.name }, () => emitter.emit(input));
      this.submit(inStage('emit', { part: `${emitter.name} (print)` }, () => printFiles(files)));
    }
    await Promise.all(pending);
  }

  /** Every file, formatted (or as printed), by path. */
  finish(): Promise<Map<string, string>> {
    return inStage('format', {}, () => this.formatter.finish());
  }

  async close(): Promise<void> {
    await Promise.all([this.formatter.close(), this.schemaWorker?.close()]);
  }

  /** Unformatted output: jobs lose their parser and are written as printed (header included). */
  private submit(jobs: FormatJob[]): void {
    this.formatter.submit(this.pretty ? jobs : jobs.map(({ path: file, text }) => ({ path: file, text })));
  }
}
