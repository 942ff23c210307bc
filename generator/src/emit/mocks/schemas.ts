/**
 * Schema handling for the mock data: strip annotations (descriptions, examples, vendor extensions) so the
 * generated module carries only what validation needs, and find the component schemas a route reaches.
 * The walk knows which keywords hold subschemas, so a property that happens to be named `description`
 * is kept while the `description` annotation is dropped.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10
 */
import { isNode, type Node } from '../../ir/walk.js';

/** Keywords that only annotate: validation never reads them. */
const ANNOTATIONS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'xml', '$comment', 'deprecated']);
/** Keywords whose value is a map of name → subschema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value is one subschema. */
const SCHEMA_ONE = new Set([
  'items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems',
]);

/** A copy of `schema` without annotations and `x-` extensions. */
export function stripSchema(schema: unknown): unknown {
  if (!isNode(schema)) return schema;
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    // 3.0 `nullable` without `type` constrains nothing (and ajv refuses it): dropped.
    if (key === 'nullable' && schema['type'] === undefined) continue;
    // 3.0's boolean `exclusiveMaximum`/`exclusiveMinimum` modify `maximum`/`minimum`; the validator speaks
    // 2020-12, where they are numbers: `maximum: 5, exclusiveMaximum: true` becomes `exclusiveMaximum: 5`.
    if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && typeof value === 'boolean') continue;
    if ((key === 'maximum' || key === 'minimum') && schema[`exclusive${key === 'maximum' ? 'Maximum' : 'Minimum'}`] === true) {
      out[`exclusive${key === 'maximum' ? 'Maximum' : 'Minimum'}`] = value;
      continue;
    }
    if (SCHEMA_MAPS.has(key) && isNode(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripSchema(sub)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(stripSchema);
    } else if (key === 'discriminator' && !Array.isArray(schema['oneOf'])) {
      // Without `oneOf` beside it (allowed by OpenAPI, e.g. on an allOf parent) ajv refuses the keyword.
      continue;
    } else if (key === 'discriminator' && isNode(value)) {
      // ajv's `discriminator` option validates only the branch the tag names (precise errors) but
      // refuses `mapping`; the branches' own `const`/`enum` tags carry the same information.
      out[key] = { propertyName: value['propertyName'] };
    } else if (SCHEMA_ONE.has(key)) {
      out[key] = stripSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

const SCHEMA_PREFIX = '#/components/schemas/';

/** Names of the component schemas `roots` reach through `$ref`, transitively, sorted. */
export function reachableSchemas(roots: readonly unknown[], components: Node): string[] {
  const found = new Set<string>();
  const queue: unknown[] = [...roots];
  while (queue.length > 0) {
    const value = queue.pop();
    if (Array.isArray(value)) {
      queue.push(...value);
    } else if (isNode(value)) {
      const ref = value['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_PREFIX)) {
        const name = decodeURIComponent(ref.slice(SCHEMA_PREFIX.length)).replace(/~1/g, '/').replace(/~0/g, '~');
        if (!found.has(name) && components[name] !== undefined) {
          found.add(name);
          queue.push(components[name]);
        }
      }
      for (const [key, sub] of Object.entries(value)) if (key !== '$ref') queue.push(sub);
    }
  }
  return [...found].sort();
}
