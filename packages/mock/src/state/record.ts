/**
 * Building a stored record that is valid against the response schema. A record starts from the spec's
 * sample response (valid by construction), takes the request's fields on top, and is then checked: any
 * top-level field the schema rejects goes back to the sample's value (or away), until it validates.
 * So a request field the response does not report, or reports in another shape, never makes the mock
 * answer something the spec does not allow.
 */
import type { JsonSchema } from '../model.js';
import type { SchemaValidator } from '../validate/ajv.js';
import type { Json } from './resources.js';

const MAX_REPAIRS = 8;

function topField(field: string): string | undefined {
  const rest = field.replace(/^record\.?/, '');
  const match = /^([^.[]+)/.exec(rest);
  return match?.[1];
}

export function buildRecord(template: Json, fields: Json, fixed: Json, schema: JsonSchema | undefined, validator: SchemaValidator): Json {
  let record: Json = { ...template, ...fields, ...fixed };
  if (!schema) return record;
  for (let i = 0; i < MAX_REPAIRS; i++) {
    const issues = validator.check(schema, record, 'record');
    if (issues.length === 0) return record;
    // Fixed fields (ids, path values) too: a path value echoed into a same-named field of another type
    // (`/flags/{enabled}` into an object `enabled`) goes back to the sample's value.
    const bad = new Set(issues.map((x) => topField(x.field)).filter((k): k is string => k !== undefined));
    if (bad.size === 0) break;
    record = { ...record };
    for (const key of bad) {
      if (Object.hasOwn(template, key) && record[key] !== template[key]) record[key] = template[key];
      else delete record[key];
    }
  }
  // Unreachable for a sample that validates; the sample rather than invalid data.
  return { ...template };
}
