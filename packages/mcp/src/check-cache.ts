/**
 * Answers of finished type checks, keyed by a hash of the agent's code. The SDK's declarations are
 * fixed for the life of the server, so the same code always gets the same diagnostics (and the same
 * JavaScript): an agent that retries or repeats a script is checked once, and every later `execute`
 * of it costs a hash and a map lookup instead of a TypeScript program. Only answers are kept, never
 * failures (a deadline or a dead worker): those say nothing about the code's types.
 *
 * Bounded in entries and in characters (code + JavaScript + source map), least recently used first out,
 * so a stream of large distinct scripts cannot grow the server.
 */
import { createHash } from 'node:crypto';
import type { CheckResult } from './diagnostics.js';

export interface CheckCacheOptions {
  /** Answers kept at most (default 256; 0 turns the cache off). */
  readonly maxEntries?: number;
  /** Characters kept at most over all answers (default 8 Mi). */
  readonly maxChars?: number;
}

interface Entry {
  readonly result: CheckResult;
  readonly chars: number;
}

export class CheckCache {
  /** A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first. */
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  hits = 0;
  misses = 0;

  constructor(options: CheckCacheOptions = {}) {
    this.maxEntries = Math.max(0, options.maxEntries ?? 256);
    this.maxChars = Math.max(0, options.maxChars ?? 8 * 1024 * 1024);
  }

  static key(code: string): string {
    return createHash('sha256').update(code).digest('base64');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CheckResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, code: string, result: CheckResult): void {
    const chars = code.length + (result.js?.length ?? 0) + (result.map?.length ?? 0) + result.diagnostics.reduce((n, d) => n + d.message.length + 16, 0);
    if (this.maxEntries === 0 || chars > this.maxChars / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.chars -= old.chars;
    }
    this.entries.set(key, { result, chars });
    this.chars += chars;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= e.chars;
    }
  }
}
