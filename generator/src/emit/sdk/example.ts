/**
 * Short usage examples for JSDoc and api.md, built from the spec's examples (or typed placeholders):
 * the positional path param, then the required fields of the params object.
 */
import { camelCase, propertyKey } from '../../ir/naming.js';
import type { MethodModel } from '../../ir/types.js';
import { tsString } from '../escape.js';

function literal(value: unknown, indent: string): string {
  if (value === undefined) return 'undefined';
  if (value !== null && typeof value === 'object' && '$file' in value) return `await toFile(fs.createReadStream('file.txt'))`;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literal(v, indent)}`).join(', ')} }`;
  }
  return typeof value === 'string' ? tsString(value, "'") : JSON.stringify(value);
}

export function exampleParams(m: MethodModel): Record<string, unknown> | undefined {
  const op = m.operation;
  const out: Record<string, unknown> = {};
  for (const p of m.pathInParams) out[p.name] = p.example;
  for (const q of op.queryParams) if (q.required) out[q.name] = q.example;
  if (op.body?.example && op.paramsShape !== 'separate') Object.assign(out, op.body.example);
  return Object.keys(out).length > 0 || m.paramsRequired ? out : undefined;
}

export function methodExample(m: MethodModel, resourceProperty: string): string {
  const args: string[] = m.positional.map((p) => literal(p.example, ''));
  const params = exampleParams(m);
  if (params) args.push(literal(params, ''));
  const call = `client.${resourceProperty}.${m.name}(${args.join(', ')})`;
  const r = m.binding.responseType;
  if (r === 'void') return `await ${call};`;
  const variable = camelCase(r) || 'response';
  return `const ${variable} = await ${call};`;
}
