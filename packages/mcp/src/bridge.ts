/**
 * The host side of the sandbox's only way out: an SDK call named `resource.method` from the docs
 * index (nothing else is reachable: no property walk, no options), with JSON arguments checked for
 * size, depth and prototype keys, sent through a real `Retell` client whose base URL and key the
 * server chose. Results go back as JSON; `APIError`s keep their status and body.
 */
import { APIError } from '@retell-kit/client';
import type { Retell } from '@retell-kit/sdk';
import { HostCallError } from './sandbox.js';

export const MAX_ARGS_CHARS = 1_000_000;
const MAX_DEPTH = 32;
/** Items a `for await` over a paginated method may collect in the sandbox. */
export const MAX_ITERATED_ITEMS = 1_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops prototype-polluting keys and refuses deep nesting. */
export function parseArgs(json: string): unknown[] {
  if (json.length > MAX_ARGS_CHARS) throw new HostCallError(`arguments too large (${json.length} characters, limit ${MAX_ARGS_CHARS})`, { name: 'TypeError' });
  const value: unknown = JSON.parse(json, (key, v: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : v));
  if (!Array.isArray(value)) throw new HostCallError('arguments must be an array', { name: 'TypeError' });
  const depth = (v: unknown, d: number): number => (v !== null && typeof v === 'object' ? Math.max(d, ...Object.values(v).map((x) => depth(x, d + 1))) : d);
  if (depth(value, 0) > MAX_DEPTH) throw new HostCallError(`arguments nested deeper than ${MAX_DEPTH} levels`, { name: 'TypeError' });
  return value;
}

type AnyMethod = (...args: unknown[]) => PromiseLike<unknown> & { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> };

export class SdkBridge {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    private readonly client: Retell,
    methods: readonly string[],
  ) {
    this.allowed = new Set(methods);
  }

  /** Calls `client[resource][method](...args)`, the pair checked against the index first. */
  async call(id: string, args: readonly unknown[], iterate = false): Promise<unknown> {
    if (!this.allowed.has(id)) throw new HostCallError(`unknown SDK method "${id.slice(0, 100)}"`, { name: 'TypeError' });
    const [resource, method] = id.split('.') as [string, string];
    const target = (this.client as unknown as Record<string, Record<string, AnyMethod>>)[resource]!;
    const fn = target[method]!;
    try {
      const result = fn.apply(target, [...args]);
      if (iterate && typeof result[Symbol.asyncIterator] === 'function') {
        const items: unknown[] = [];
        for await (const item of result as AsyncIterable<unknown>) {
          items.push(item);
          if (items.length >= MAX_ITERATED_ITEMS) break;
        }
        return items;
      }
      const value = await result;
      if (iterate) return Array.isArray(value) ? value : [value];
      return value;
    } catch (error) {
      throw toHostError(error);
    }
  }

  /** The sandbox's host function: JSON in, JSON out. */
  hostCall = async (id: string, argsJson: string, iterate: boolean): Promise<string> => {
    const value = await this.call(id, parseArgs(argsJson), iterate);
    return value === undefined ? 'null' : JSON.stringify(value);
  };
}

export function toHostError(error: unknown): HostCallError {
  if (error instanceof HostCallError) return error;
  if (error instanceof APIError) {
    return new HostCallError(error.message, { name: error.name, ...(error.status !== undefined ? { status: error.status } : {}), body: error.error });
  }
  if (error instanceof Error) return new HostCallError(error.message, { name: error.name });
  return new HostCallError(String(error), { name: 'Error' });
}
