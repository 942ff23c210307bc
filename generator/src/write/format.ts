/**
 * Prettier with fixed options (never a config file found on the machine), so output is the same
 * everywhere. Formatting dominates generation time on large specs, so jobs run on a small pool of
 * worker threads (one per core, at most two), largest first; very large TypeScript files are split at
 * top-level declarations and the formatted parts joined, which is deterministic for a given input.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { format, type Options } from 'prettier';

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

/** Below this size a job is formatted on the main thread: a worker round trip would cost more. */
const POOL_THRESHOLD = 200_000;
/** TypeScript files above this size are split at top-level `export` declarations. */
const SPLIT_THRESHOLD = 1_000_000;

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export async function formatOne(job: FormatJob): Promise<string> {
  if (!job.parser) return ensureNewline(job.text);
  return format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
}

/** Splits before every line that starts a top-level `export interface|type` (openapi-typescript's layout). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const re = /^export (?:interface|type) /gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start && text.slice(start, m.index).trim() !== '') {
      parts.push(text.slice(start, m.index));
      start = m.index;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

interface Piece {
  readonly path: string;
  readonly index: number;
  readonly text: string;
  readonly parser: NonNullable<FormatJob['parser']>;
}

class Pool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (t: string) => void; reject: (e: Error) => void }>();
  private readonly load: number[];
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./format-worker.mjs', import.meta.url)));
    this.load = this.workers.map(() => 0);
    for (const w of this.workers) {
      w.on('message', (msg: { id: number; text?: string; error?: string }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p?.reject(new Error(msg.error));
        else p?.resolve(msg.text ?? '');
      });
      w.on('error', (error) => {
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      });
    }
  }

  /** Longest-processing-time-first: each piece goes to the worker with the least queued text. */
  run(piece: Piece): Promise<string> {
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    this.load[best]! += piece.text.length;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[best]!.postMessage({ id, text: piece.text, parser: piece.parser, options: PRETTIER_OPTIONS });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Formats jobs as they are submitted: big pieces go to the worker pool at once (so formatting the
 * types overlaps with emitting the rest), small ones are formatted on this thread in `finish()`.
 */
export class Formatter {
  private pool: Pool | undefined;
  private readonly pieces: Piece[] = [];
  private readonly plain = new Map<string, string>();
  private readonly results = new Map<Piece, Promise<string>>();

  /** Starting the workers early lets them load prettier while the spec is still being read. */
  constructor(private readonly poolSize = Math.max(1, Math.min(2, availableParallelism()))) {}

  warmUp(): void {
    this.pool ??= new Pool(this.poolSize);
  }

  submit(jobs: readonly FormatJob[]): void {
    for (const job of jobs) {
      if (!job.parser) this.plain.set(job.path, ensureNewline(job.text));
      else if (job.parser === 'typescript' && job.text.length > SPLIT_THRESHOLD) {
        splitTopLevel(job.text).forEach((text, index) => this.add({ path: job.path, index, text, parser: 'typescript' }));
      } else this.add({ path: job.path, index: 0, text: job.text, parser: job.parser });
    }
  }

  private add(piece: Piece): void {
    this.pieces.push(piece);
    if (piece.text.length >= POOL_THRESHOLD) {
      this.warmUp();
      this.results.set(piece, this.pool!.run(piece));
    }
  }

  async finish(): Promise<Map<string, string>> {
    try {
      // Small pieces are formatted here while the workers finish the big ones.
      for (const p of this.pieces) {
        if (!this.results.has(p)) this.results.set(p, Promise.resolve(await format(p.text, { ...PRETTIER_OPTIONS, parser: p.parser })));
      }
      const parts = new Map<string, string[]>();
      for (const p of this.pieces) {
        const list = parts.get(p.path) ?? [];
        list[p.index] = await this.results.get(p)!;
        parts.set(p.path, list);
      }
      const out = new Map(this.plain);
      for (const [path, list] of parts) out.set(path, list.join('\n'));
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

export async function formatAll(jobs: readonly FormatJob[]): Promise<Map<string, string>> {
  const formatter = new Formatter();
  formatter.submit(jobs);
  return formatter.finish();
}
