/**
 * Prettier with fixed options (never a config file found on the machine), so output is the same
 * everywhere. Formatting dominates generation time on large specs, so for those jobs run on a small
 * pool of worker threads (one per core, at most two), largest first; very large TypeScript files are
 * split at top-level declarations and the formatted parts joined, which is deterministic for a given input.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import { StageError } from '../errors.js';
import type { PlainProblem } from '../load/problems.js';
import { joinFormatted, splitForFormat, type Piece as SplitPiece } from './split.js';

export interface FormatJob {
  readonly path: string;
  readonly text: string;
  readonly parser?: 'typescript' | 'markdown' | 'json';
}

export const PRETTIER_OPTIONS: Options = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
  proseWrap: 'preserve',
};

/** TypeScript files above this size are split into pieces of at most PIECE_MAX characters (see split.ts). */
const SPLIT_THRESHOLD = 400_000;
const PIECE_MAX = 250_000;

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** prettier, loaded on first use (workers format large specs; the main thread may never need it). */
async function format(text: string, options: Options): Promise<string> {
  const prettier = await import('prettier');
  return prettier.format(text, options);
}

export async function formatOne(job: FormatJob): Promise<string> {
  if (!job.parser) return ensureNewline(job.text);
  return format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
}

interface Piece {
  readonly path: string;
  readonly index: number;
  readonly text: string;
  readonly parser: NonNullable<FormatJob['parser']>;
}

interface Split {
  readonly parts: readonly SplitPiece[];
  readonly pieces: Piece[];
}

interface Queued {
  /** Scheduling weight: the largest job first (validation, `Infinity`, before any formatting). */
  readonly weight: number;
  readonly message: Record<string, unknown>;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

interface WorkerReply {
  readonly text?: string;
  readonly problems?: PlainProblem[];
  readonly error?: string;
}

/**
 * Worker threads that pull the heaviest queued job whenever they are idle (dynamic scheduling keeps
 * both cores busy even though pieces arrive over time and differ in size by 1000×).
 */
class Pool {
  private readonly queue: Queued[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Queued>();
  private readonly workers: Worker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./format-worker.mjs', import.meta.url)));
    for (const w of this.workers) {
      w.on('message', (msg: WorkerReply) => {
        const job = this.busy.get(w);
        this.busy.delete(w);
        if (msg.error !== undefined) job?.reject(new Error(msg.error));
        else job?.resolve(msg);
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (error) => {
        this.busy.get(w)?.reject(error);
        this.busy.delete(w);
      });
      this.idle.push(w);
    }
  }

  private enqueue(weight: number, message: Record<string, unknown>): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ weight, message, resolve, reject });
      this.pump();
    });
  }

  async run(piece: Piece): Promise<string> {
    const reply = await this.enqueue(piece.text.length, { text: piece.text, parser: piece.parser, options: PRETTIER_OPTIONS });
    return reply.text ?? '';
  }

  async validate(json: string, absoluteRef: string): Promise<PlainProblem[]> {
    const reply = await this.enqueue(Number.POSITIVE_INFINITY, { kind: 'validate', json, absoluteRef });
    return reply.problems ?? [];
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      let best = 0;
      for (let i = 1; i < this.queue.length; i++) if (this.queue[i]!.weight > this.queue[best]!.weight) best = i;
      const job = this.queue.splice(best, 1)[0]!;
      const worker = this.idle.pop()!;
      this.busy.set(worker, job);
      worker.postMessage(job.message);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A formatting failure names the generated file (prettier's own message says line and column). */
function located(piece: Piece, result: Promise<string>): Promise<string> {
  return result.catch((error: unknown) => {
    throw new StageError('format', { file: piece.path, ...(piece.index > 0 ? { part: `piece ${piece.index + 1}` } : {}) }, error);
  });
}

/**
 * Formats jobs as they are submitted. In parallel mode every piece goes to the worker pool at once (so
 * formatting the types overlaps with emitting the rest); otherwise everything is formatted on this
 * thread in `finish()`, which is faster for small specs than starting workers.
 */
export class Formatter {
  private pool: Pool | undefined;
  private readonly pieces: Piece[] = [];
  private readonly splits = new Map<string, Split>();
  private readonly plain = new Map<string, string>();
  private readonly results = new Map<Piece, Promise<string>>();

  constructor(private readonly parallel = false) {}

  /** Starts the workers now, so they load prettier while the spec is still being read. */
  warmUp(): void {
    if (this.parallel) this.pool ??= new Pool(Math.max(1, Math.min(2, availableParallelism())));
  }

  /** A `Validator` that runs on the pool (parallel mode only), ahead of any formatting job. */
  validator(): ((json: string, absoluteRef: string) => Promise<PlainProblem[]>) | undefined {
    if (!this.parallel) return undefined;
    this.warmUp();
    const pool = this.pool!;
    return (json, absoluteRef) => pool.validate(json, absoluteRef);
  }

  submit(jobs: readonly FormatJob[]): void {
    for (const job of jobs) {
      if (!job.parser) {
        this.plain.set(job.path, ensureNewline(job.text));
        continue;
      }
      const parts: SplitPiece[] =
        job.parser === 'typescript' && job.text.length > SPLIT_THRESHOLD
          ? splitForFormat(job.text, PIECE_MAX)
          : [{ text: job.text, stripTop: 0, stripBottom: 0, blankAfter: false }];
      const split: Split = { parts, pieces: parts.map((p, index) => ({ path: job.path, index, text: p.text, parser: job.parser! })) };
      this.splits.set(job.path, split);
      for (const piece of split.pieces) this.add(piece);
    }
  }

  private add(piece: Piece): void {
    this.pieces.push(piece);
    if (this.parallel) {
      this.warmUp();
      const result = located(piece, this.pool!.run(piece));
      result.catch(() => undefined); // awaited in finish(); keep an early failure from being "unhandled"
      this.results.set(piece, result);
    }
  }

  async finish(): Promise<Map<string, string>> {
    try {
      for (const p of this.pieces) {
        if (!this.results.has(p)) this.results.set(p, Promise.resolve(await located(p, format(p.text, { ...PRETTIER_OPTIONS, parser: p.parser }))));
      }
      const out = new Map(this.plain);
      for (const [path, split] of this.splits) {
        const formatted = await Promise.all(split.pieces.map((p) => this.results.get(p)!));
        out.set(path, split.parts.length === 1 ? formatted[0]! : joinFormatted(split.parts, formatted));
      }
      return out;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

export async function formatAll(jobs: readonly FormatJob[], parallel = false): Promise<Map<string, string>> {
  const formatter = new Formatter(parallel);
  formatter.submit(jobs);
  return formatter.finish();
}
