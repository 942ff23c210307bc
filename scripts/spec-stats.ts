/**
 * Prints the size of the curated spec: operations, facade methods, schemas, properties and how many of them
 * carry a real description. Usage: pnpm spec:stats
 */
import { bundle, createConfig } from '@redocly/openapi-core';
import { fileURLToPath } from 'node:url';

type Node = { [key: string]: unknown };
const root = fileURLToPath(new URL('../spec/openapi.yaml', import.meta.url));
const { bundle: doc } = await bundle({ ref: root, config: await createConfig({}) });
const spec = doc.parsed as Node;

const verbs = ['get', 'put', 'post', 'patch', 'delete'];
let operations = 0;
let facadeMethods = 0;
for (const item of Object.values((spec.paths ?? {}) as Record<string, Node>)) {
  for (const v of verbs) {
    const op = item[v] as Node | undefined;
    if (!op) continue;
    operations++;
    const sdk = op['x-sdk'];
    facadeMethods += Array.isArray(sdk) ? sdk.length : sdk ? 1 : 0;
  }
}

let properties = 0;
let described = 0;
const isReal = (d: unknown) => typeof d === 'string' && d.trim() !== '' && d.trim() !== 'TODO';
const walk = (node: unknown): void => {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  for (const [key, value] of Object.entries(n)) {
    // Example payloads are data, not schemas: a `properties` key inside one is not a schema keyword.
    if (key === 'examples' || key === 'example') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      for (const prop of Object.values(value as Record<string, Node>)) {
        properties++;
        if (isReal(prop.description)) described++;
        walk(prop);
      }
      continue;
    }
    walk(value);
  }
};
const schemas = ((spec.components as Node | undefined)?.schemas ?? {}) as Record<string, unknown>;
walk(schemas);
walk(spec.paths);
walk(spec.webhooks);

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
console.log(`operations:      ${operations} (facade methods: ${facadeMethods})`);
console.log(`webhooks:        ${Object.keys((spec.webhooks ?? {}) as Node).length}`);
console.log(`schemas:         ${Object.keys(schemas).length}`);
console.log(`properties:      ${properties} (${pct(described, properties)}% with descriptions)`);
