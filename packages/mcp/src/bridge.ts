/**
 * The host side of the sandbox's only way out: an SDK call named `resource.method` from the docs
 * index (nothing else is reachable: no property walk), with JSON arguments checked for size, depth and
 * prototype keys, and shaped as the method declares: its positional path arguments, its params object,
 * and from the per-call options only those that cannot change where a request goes or what it sends
 * (`timeout`, `maxRetries`). `path`, `method`, `query`, `body`, `headers`, `baseURL`, `defaultBaseURL`,
 * `fetch`, `fetchOptions`, ... are refused by name. The call then goes through a client whose `fetch`
 * is the request guard (guard.ts), which checks the request again as it goes on the wire.
 * Results go back as JSON; `APIError`s keep their status and body.
 */
import { APIError } from '@retell-kit/client';
import type { Retell } from '@retell-kit/sdk';
import type { MethodDoc } from './docs.js';
import { REFUSED_HEADER, type RequestPolicy } from './guard.js';
import { HostCallError } from './sandbox.js';

export const MAX_ARGS_CHARS = 1_000_000;
const MAX_DEPTH = 32;
/** Items a `for await` over a paginated method may collect in the sandbox. */
export const MAX_ITERATED_ITEMS = 1_000;
/** Per-call options the sandbox may set; nothing here can change a request's target or content. */
export const ALLOWED_CALL_OPTIONS: readonly string[] = ['timeout', 'maxRetries'];
const MAX_RETRIES = 3;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops prototype-polluting keys and refuses deep nesting. */
export function parseArgs(json: string): unknown[] {
  if (json.length > MAX_ARGS_CHARS) throw new HostCallError(`arguments too large (${json.length} characters, limit ${MAX_ARGS_CHARS})`, { name: 'TypeError' });
  const value: unknown = JSON.parse(json, (key, v: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : v));
  if (!Array.isArray(value)) throw new HostCallError('arguments must be an array', { name: 'TypeError' });
  if (tooDeep(value, 0)) throw new HostCallError(`arguments nested deeper than ${MAX_DEPTH} levels`, { name: 'TypeError' });
  return value;
}

function tooDeep(v: unknown, d: number): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (d >= MAX_DEPTH) return true;
  for (const x of Object.values(v)) if (tooDeep(x, d + 1)) return true;
  return false;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `args` as `client.<id>(...)` declares them: positional path values (strings or numbers), the params
 * object when the method has one, then options restricted to the allowlist. Throws naming what is wrong.
 */
export function shapeArgs(m: MethodDoc, args: readonly unknown[], maxTimeoutMs: number): unknown[] {
  const npos = m.positionalNames.length;
  const hasParams = m.paramsType !== undefined;
  const max = npos + (hasParams ? 1 : 0) + 1;
  const sig = `client.${m.id}(${[...m.positionalNames, ...(hasParams ? ['params?'] : []), 'options?'].join(', ')})`;
  const bad = (message: string) => new HostCallError(`${m.id}: ${message} (signature: ${sig})`, { name: 'TypeError' });
  if (args.length > max) throw bad(`too many arguments (${args.length}, at most ${max})`);
  const out: unknown[] = [];
  for (let i = 0; i < npos; i++) {
    const v = args[i];
    if (typeof v !== 'string' && typeof v !== 'number') throw bad(`argument ${i + 1} (${m.positionalNames[i]}) must be a string`);
    out.push(v);
  }
  if (hasParams) {
    const p = args[npos] ?? undefined;
    if (p !== undefined && !isPlainObject(p)) throw bad('params must be an object');
    out.push(p);
  }
  const o = args[max - 1] ?? undefined;
  if (o !== undefined) {
    if (!isPlainObject(o)) throw bad('options must be an object');
    const options: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) {
      if (value === undefined || value === null) continue;
      if (!ALLOWED_CALL_OPTIONS.includes(key)) {
        throw new HostCallError(
          `${m.id}: the request option "${key.slice(0, 50)}" is not allowed in this sandbox; only ${ALLOWED_CALL_OPTIONS.join(', ')} may be set (options that change where a request goes or what it sends are refused)`,
          { name: 'TypeError' },
        );
      }
      if (key === 'timeout' && (typeof value !== 'number' || !(value > 0) || value > maxTimeoutMs)) throw bad(`option timeout must be a number of ms from 1 to ${maxTimeoutMs}`);
      if (key === 'maxRetries' && (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_RETRIES)) throw bad(`option maxRetries must be an integer from 0 to ${MAX_RETRIES}`);
      options[key] = value;
    }
    if (Object.keys(options).length > 0) out.push(options);
  }
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

type AnyMethod = (...args: unknown[]) => PromiseLike<unknown> & { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> };

export class SdkBridge {
  private readonly byId: ReadonlyMap<string, MethodDoc>;

  /** `all`: every method of the index (a filtered one answers "not allowed", not "not a function"). */
  constructor(
    private readonly client: Retell,
    all: readonly MethodDoc[],
    private readonly policy: RequestPolicy,
    private readonly maxTimeoutMs = 60_000,
  ) {
    this.byId = new Map(all.map((m) => [m.id, m]));
  }

  /** Calls `client[resource][method](...args)`, the method checked against the index and the filters first. */
  async call(id: string, rawArgs: readonly unknown[], iterate = false): Promise<unknown> {
    const m = this.byId.get(id);
    if (!m) throw new HostCallError(`unknown SDK method "${id.slice(0, 100)}"`, { name: 'TypeError' });
    if (!this.policy.isSelected(id)) throw new HostCallError(this.policy.refusal(m) ?? `${id} is not allowed`, { name: 'RefusedError' });
    const args = shapeArgs(m, rawArgs, this.maxTimeoutMs);
    const target = (this.client as unknown as Record<string, Record<string, AnyMethod>>)[m.resource]!;
    const fn = target[m.method]!;
    try {
      const result = fn.apply(target, args);
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
    // The request guard's refusal: a plain error with its reason, not an API answer.
    if (error.headers?.get(REFUSED_HEADER)) {
      const body = error.error as { message?: unknown } | undefined;
      return new HostCallError(typeof body?.message === 'string' ? body.message : error.message, { name: 'RefusedError' });
    }
    return new HostCallError(error.message, { name: error.name, ...(error.status !== undefined ? { status: error.status } : {}), body: error.error });
  }
  if (error instanceof Error) return new HostCallError(error.message, { name: error.name });
  return new HostCallError(String(error), { name: 'Error' });
}
