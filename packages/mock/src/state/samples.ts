/**
 * The sample table the server answers from, with every operation's response and error samples checked
 * against their schemas on first use and repaired (see validate/repair.ts) when a spec's example or a
 * sampled value breaks them. Done once per operation, lazily: a server over thousands of operations pays
 * only for the routes it is called on.
 */
import type { MockRoute, MockSpec, OperationSamples, SampleTable } from '../model.js';
import type { SchemaValidator } from '../validate/ajv.js';
import { repairValue } from '../validate/repair.js';

export function repairingSamples(spec: MockSpec, samples: SampleTable, validator: SchemaValidator): SampleTable {
  const routes = new Map<string, MockRoute>(spec.routes.map((r) => [r.operationId, r]));
  const done = new Map<string, OperationSamples>();
  const repaired = (id: string): OperationSamples | undefined => {
    const original = Object.hasOwn(samples, id) ? samples[id] : undefined;
    const route = routes.get(id);
    if (!original || !route) return original;
    let entry = done.get(id);
    if (!entry) {
      const response = route.success.schema !== undefined && original.response !== undefined ? repairValue(route.success.schema, original.response, validator) : undefined;
      const errors: Record<string, unknown> = { ...original.errors };
      if (spec.errorSchema !== undefined) {
        for (const [status, body] of Object.entries(original.errors)) errors[status] = repairValue(spec.errorSchema, body, validator)?.value ?? body;
      }
      entry = { ...original, ...(response ? { response: response.value } : {}), errors };
      done.set(id, entry);
    }
    return entry;
  };
  return new Proxy(samples, {
    get: (target, key) => (typeof key === 'string' && routes.has(key) ? repaired(key) : Reflect.get(target, key)),
  });
}
