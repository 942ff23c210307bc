/**
 * Sample values for one operation: the spec's own example when it gives one (the curated examples are
 * validated by the spec tests), else a value from openapi-sampler, which is deterministic (no random
 * source) and honours `required`, `enum`, `const`, formats, bounds and `readOnly`/`writeOnly`.
 *
 * Bounded: openapi-sampler follows every optional property down to depth 15, which on wide schemas
 * grows exponentially (one operation of a real spec gave an 85 M-character sample). A sample is taken
 * at depth 8, else with only required properties (at full depth, then at depth 4), until its JSON fits
 * the per-sample budget and was not cut by the depth limit
 * (`SampleContext.maxChars`, shrunk for large APIs so the whole table stays within `SAMPLES_MAX_CHARS`);
 * arrays are cut to `MAX_ARRAY_ITEMS`. Samples are memoized per schema, since thousands of operations
 * share the same error and response schemas.
 */
import { sample } from 'openapi-sampler';
import { isNode, type Node, type RefResolver } from '../../ir/walk.js';

export interface SampleContext {
  readonly doc: Node;
  readonly resolver: RefResolver;
  /** Largest JSON length of one sampled value (default `SAMPLE_MAX_CHARS`). */
  readonly maxChars?: number;
  /** Memo of sampled values per schema and direction (filled as samples are taken). */
  readonly memo?: SampleMemo;
}

export const SAMPLE_MAX_CHARS = 32_000;
/** Budget for all sampled values of one API together (spread evenly over its operations). */
export const SAMPLES_MAX_CHARS = 24_000_000;
export const MAX_ARRAY_ITEMS = 3;

/**
 * Attempts from richest to smallest: openapi-sampler depth, and whether optional properties are kept.
 * A sample that reaches the depth limit was cut there (openapi-sampler puts `null`, `{}` or `[]` in place
 * of the schema it stopped at, which rarely validates), so it is not taken either: the next attempt,
 * required properties only at full depth, is short in practice and valid by construction.
 */
const ATTEMPTS = [
  { maxSampleDepth: 8, skipNonRequired: false },
  { maxSampleDepth: 15, skipNonRequired: true },
  { maxSampleDepth: 4, skipNonRequired: true },
] as const;

/** Whether `value` nests `depth` or more objects/arrays deep (i.e. the sampler may have been cut). */
function reachesDepth(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth <= 1) return true;
  return Object.values(value).some((v) => reachesDepth(v, depth - 1));
}

export class SampleMemo {
  private readonly byNode = new WeakMap<object, Map<string, unknown>>();
  private readonly byRef = new Map<string, unknown>();

  get(schema: unknown, key: string, make: () => unknown): unknown {
    if (isNode(schema) && typeof schema['$ref'] === 'string' && Object.keys(schema).length === 1) {
      const k = `${key} ${schema['$ref']}`;
      if (!this.byRef.has(k)) this.byRef.set(k, make());
      return this.byRef.get(k);
    }
    if (!isNode(schema)) return make();
    let map = this.byNode.get(schema);
    if (!map) this.byNode.set(schema, (map = new Map()));
    if (!map.has(key)) map.set(key, make());
    return map.get(key);
  }
}

/** The per-sample budget for an API with `operations` operations (about three samples each). */
export function sampleBudget(operations: number): number {
  return Math.max(1_000, Math.min(SAMPLE_MAX_CHARS, Math.floor(SAMPLES_MAX_CHARS / Math.max(1, operations * 3))));
}

/** Arrays cut to `MAX_ARRAY_ITEMS`, recursively (sampler arrays honour `minItems`, which may be large). */
function capArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, MAX_ARRAY_ITEMS).map(capArrays);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = capArrays(v);
    return out;
  }
  return value;
}

/** Length of `value` as JSON, counted without building strings larger than `limit` (cut short past it). */
function jsonLength(value: unknown, limit: number): number {
  let n = 0;
  const walk = (v: unknown): void => {
    if (n > limit) return;
    if (Array.isArray(v)) {
      n += 2;
      for (const x of v) walk(x);
    } else if (v !== null && typeof v === 'object') {
      n += 2;
      for (const [k, x] of Object.entries(v)) {
        n += k.length + 4;
        walk(x);
      }
    } else {
      n += typeof v === 'string' ? v.length + 2 : String(v).length;
    }
  };
  walk(value);
  return n;
}

function sampled(schema: unknown, direction: 'request' | 'response', ctx: SampleContext): unknown {
  const limit = ctx.maxChars ?? SAMPLE_MAX_CHARS;
  const make = (): unknown => {
    let smallest: unknown = null;
    for (const attempt of ATTEMPTS) {
      let value: unknown;
      try {
        value = capArrays(
          sample(
            (schema ?? {}) as Parameters<typeof sample>[0],
            { ...attempt, skipReadOnly: direction === 'request', skipWriteOnly: direction === 'response', quiet: true },
            ctx.doc,
          ),
        );
      } catch {
        // openapi-sampler throws on schemas it cannot sample (e.g. contradictory `allOf`): try smaller.
        continue;
      }
      smallest = value;
      if (jsonLength(value, limit) <= limit && !reachesDepth(value, attempt.maxSampleDepth)) return value;
    }
    // Even the smallest sample is over budget: keep it only when it is within 4× (else a bare null).
    return jsonLength(smallest, 4 * limit) <= 4 * limit ? smallest : null;
  };
  return ctx.memo ? ctx.memo.get(schema, `${direction}:${limit}`, make) : make();
}

/** The first named example (keys are sorted by the loader, so "first" is stable), else `example`. */
function mediaExample(media: Node): { value: unknown } | undefined {
  const examples = media['examples'];
  if (isNode(examples)) {
    for (const key of Object.keys(examples)) {
      const example = examples[key];
      if (isNode(example) && 'value' in example) return { value: example['value'] };
    }
  }
  return 'example' in media ? { value: media['example'] } : undefined;
}

/** Sample of one media type object (request body or response content). */
export function mediaSample(media: Node, direction: 'request' | 'response', ctx: SampleContext): unknown {
  const example = mediaExample(media);
  // The spec's own example, unless it is far over the budget (some specs embed megabytes of example).
  const limit = 4 * (ctx.maxChars ?? SAMPLE_MAX_CHARS);
  return example && jsonLength(example.value, limit) <= limit ? example.value : sampled(media['schema'], direction, ctx);
}

/** Sample of one parameter: its `example`, its first `examples` value, else a sampled value. */
export function paramSample(param: Node, ctx: SampleContext): unknown {
  if ('example' in param) return param['example'];
  const fromExamples = mediaExample({ examples: param['examples'] });
  if (fromExamples) return fromExamples.value;
  return sampled(ctx.resolver.deref(param['schema']) ?? param['schema'], 'request', ctx);
}
