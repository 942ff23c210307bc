/**
 * Repairing a sample that breaks its own schema. A third-party spec's example may contradict its schema
 * (a JSON string where the schema wants an object), `required` may name a property the schema never
 * defines, and a path value echoed into a same-named field may have another type: the mock then has a
 * reply its spec does not allow. Rather than answer 500, it fixes the value where ajv says it is wrong
 * (parse a JSON string, fill a missing required property, take an allowed enum value, drop an unknown
 * property, clamp a bound), a bounded number of rounds; when that does not converge it regenerates the
 * smallest value the schema allows the same way, starting from nothing. Still invalid after that: the
 * caller answers 500 as before, naming the problem.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../model.js';
import type { SchemaValidator } from './ajv.js';

const MAX_ROUNDS = 24;

/** Values for string formats the sampler and examples most often get wrong. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
  uuid: '00000000-0000-4000-8000-000000000000',
};

type Schemaish = { readonly [key: string]: unknown };

/** The smallest value of the first type a schema names (`null` when it names none). */
export function minimalValue(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as Schemaish;
  if (s['const'] !== undefined) return s['const'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  if (s['default'] !== undefined) return s['default'];
  const type = Array.isArray(s['type']) ? s['type'][0] : s['type'];
  switch (type) {
    case 'object':
      return {};
    case 'array':
      return [];
    case 'string':
      return typeof s['format'] === 'string' ? (FORMAT_SAMPLES[s['format']] ?? '') : '';
    case 'integer':
    case 'number':
      return typeof s['minimum'] === 'number' ? s['minimum'] : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function pointerParts(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Holder {
  root: unknown;
}

function get(holder: Holder, parts: readonly string[]): unknown {
  let v: unknown = holder.root;
  for (const p of parts) v = v !== null && typeof v === 'object' && Object.hasOwn(v, p) ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** Sets (or with `undefined`, deletes) the value at `parts`; false when the path does not exist. */
function set(holder: Holder, parts: readonly string[], value: unknown): boolean {
  if (parts.length === 0) {
    holder.root = value;
    return true;
  }
  const parent = get(holder, parts.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  const key = parts.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, unknown>)[key];
  } else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return true;
}

function typeMatches(value: unknown, type: string): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

/** One fix for one error; false when this error has no fix here. */
function fix(holder: Holder, e: ErrorObject): boolean {
  const parts = pointerParts(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const current = get(holder, parts);
  const parent = (e.parentSchema ?? {}) as Schemaish;
  switch (e.keyword) {
    case 'required': {
      const name = String(params['missingProperty']);
      const props = (parent['properties'] ?? {}) as Record<string, unknown>;
      return set(holder, [...parts, name], minimalValue(Object.hasOwn(props, name) ? props[name] : undefined));
    }
    case 'type': {
      const types = String(params['type']).split(',');
      if (typeof current === 'string' && (types.includes('object') || types.includes('array'))) {
        try {
          const parsed: unknown = JSON.parse(current);
          if (types.some((t) => typeMatches(parsed, t))) return set(holder, parts, parsed);
        } catch {
          // not JSON: fall through to the smallest value of the type
        }
      }
      if (typeof current === 'string' && types.some((t) => t === 'integer' || t === 'number') && current.trim() !== '' && Number.isFinite(Number(current))) {
        return set(holder, parts, Number(current));
      }
      if (typeof current === 'string' && types.includes('boolean') && (current === 'true' || current === 'false')) return set(holder, parts, current === 'true');
      return set(holder, parts, minimalValue({ ...parent, type: types[0], enum: undefined, const: undefined, default: undefined }));
    }
    case 'enum':
      return set(holder, parts, (params['allowedValues'] as unknown[])[0]);
    case 'const':
      return set(holder, parts, params['allowedValue']);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return set(holder, [...parts, String(params['additionalProperty'] ?? params['unevaluatedProperty'])], undefined);
    case 'format':
      return set(holder, parts, FORMAT_SAMPLES[String(params['format'])] ?? '');
    case 'minLength':
      return typeof current === 'string' && set(holder, parts, current.padEnd(Number(params['limit']), 'x'));
    case 'maxLength':
      return typeof current === 'string' && set(holder, parts, current.slice(0, Number(params['limit'])));
    case 'minimum':
    case 'maximum':
      return set(holder, parts, params['limit']);
    case 'exclusiveMinimum':
      return set(holder, parts, Number(params['limit']) + 1);
    case 'exclusiveMaximum':
      return set(holder, parts, Number(params['limit']) - 1);
    case 'maxItems':
      return Array.isArray(current) && set(holder, parts, current.slice(0, Number(params['limit'])));
    case 'minItems':
      if (!Array.isArray(current)) return false;
      return set(holder, parts, [...current, ...Array.from({ length: Number(params['limit']) - current.length }, () => (current.length > 0 ? structuredClone(current[0]) : minimalValue((parent['items'] ?? {}) as object)))]);
    default:
      // Anything else (pattern, oneOf, not, ...) inside an object or array: leave the value out.
      return parts.length > 0 && set(holder, parts, undefined);
  }
}

function attempt(schema: JsonSchema, start: unknown, validator: SchemaValidator): { ok: boolean; value: unknown } {
  const holder: Holder = { root: start === undefined ? undefined : structuredClone(start) };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const errors = validator.errors(schema, holder.root);
    if (errors.length === 0) return { ok: true, value: holder.root };
    // Deepest first, one fix per location per round: a fix higher up may make the deeper ones moot.
    // Every missing property is filled; other errors get one fix per location.
    const fixed = new Set<string>();
    let changed = false;
    for (const e of [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)) {
      if (e.keyword !== 'required') {
        if (fixed.has(e.instancePath)) continue;
        fixed.add(e.instancePath);
      }
      changed = fix(holder, e) || changed;
    }
    if (!changed) break;
  }
  return { ok: false, value: holder.root };
}

/**
 * `value` when it is valid against `schema`; else a repaired copy, else a value regenerated from the
 * schema alone; `undefined` when neither validates (the caller keeps the original and reports it).
 */
export function repairValue(schema: JsonSchema, value: unknown, validator: SchemaValidator): { value: unknown } | undefined {
  if (validator.errors(schema, value).length === 0) return { value };
  const repaired = attempt(schema, value, validator);
  if (repaired.ok) return { value: repaired.value };
  const regenerated = attempt(schema, minimalValue(schema), validator);
  return regenerated.ok ? { value: regenerated.value } : undefined;
}
