/**
 * Python usage examples for the facade methods, built from the spec's examples (or typed placeholders):
 * positional path arguments, then the required keyword arguments. Used by api.md and exposed as
 * `pythonExample` for other docs (e.g. a docs index's `examples.python`). Every example type-checks
 * under pyright strict (test/python).
 */
import type { TypeNode, TypeTree } from '../../ir/type-tree.js';
import { resolveRef } from '../../ir/type-tree.js';
import { pyStr, pyValue } from './literals.js';
import type { PyArg, PyMethod, PyResource } from './methods.js';
import { pyMemberName, pyResourceName, snakeCase } from './naming.js';
import { modelFieldName } from './types.js';

function placeholder(tree: TypeTree, type: TypeNode, name: string, depth = 0): unknown {
  const t = resolveRef(tree, type);
  if (depth > 4) return name;
  switch (t.kind) {
    case 'primitive':
      return t.type === 'integer' || t.type === 'number' ? 0 : t.type === 'boolean' ? true : t.type === 'null' ? null : t.type === 'binary' ? { $file: name } : name;
    case 'literal':
      return t.values[0] ?? null;
    case 'array':
      return [];
    case 'map':
      return {};
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of t.fields) if (f.required) out[f.name] = placeholder(tree, f.type, f.name, depth + 1);
      return out;
    }
    case 'union':
      return t.variants[0] ? placeholder(tree, t.variants[0], name, depth + 1) : null;
    default:
      return name;
  }
}

function isFile(value: unknown): value is { $file: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $file?: unknown }).$file === 'string';
}

/** A Python expression for an example value; `{ $file }` markers become open binary files. */
function literal(value: unknown, indent: string): string {
  if (isFile(value)) return `open(${pyStr(value.$file)}, "rb")`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map((v) => literal(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = `${indent}    `;
    return `{\n${entries.map(([k, v]) => `${inner}${pyStr(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
  }
  return pyValue(value);
}

function argValue(tree: TypeTree, a: PyArg): unknown {
  const v = a.example;
  const resolved = resolveRef(tree, a.type);
  // A file field's example is a marker; an example that does not fit a binary field is replaced by one.
  if (resolved.kind === 'primitive' && resolved.type === 'binary') return isFile(v) ? v : { $file: `${a.wire}.bin` };
  if (resolved.kind === 'array' && resolveRef(tree, resolved.items).kind === 'primitive') {
    const item = resolveRef(tree, resolved.items);
    if (item.kind === 'primitive' && item.type === 'binary') return [{ $file: `${a.wire}.bin` }];
  }
  return v === undefined ? placeholder(tree, a.type, a.wire) : v;
}

/** The example call for one facade method, as a complete script. */
export function pythonExample(tree: TypeTree, m: PyMethod, flavor: 'sync' | 'async' = 'sync'): string {
  const args = [
    ...m.positional.map((a) => `    ${literal(argValue(tree, a), '    ')},`),
    ...m.keywords.filter((a) => a.required).map((a) => `    ${a.py}=${literal(argValue(tree, a), '    ')},`),
  ];
  const call = `client.${m.resource}.${m.name}(${args.length > 0 ? `\n${args.join('\n')}\n` : ''})`;
  const variable = m.response?.name ? snakeCase(m.response.name) : m.response?.node.kind === 'ref' ? snakeCase(m.response.node.key) : 'response';
  const head = flavor === 'sync'
    ? ['import os', '', 'from retell import Retell', '', 'client = Retell(', '    api_key=os.environ.get("RETELL_API_KEY"),  # the default; can be omitted', ')']
    : ['import asyncio', 'import os', '', 'from retell import AsyncRetell', '', 'client = AsyncRetell(', '    api_key=os.environ.get("RETELL_API_KEY"),  # the default; can be omitted', ')'];
  let use: string[];
  if (m.page) {
    use = [`page = ${flavor === 'async' ? 'await ' : ''}${call}`, ...(m.op.pagination?.hasMoreField ? [`print(page.${modelFieldName(m.op.pagination.hasMoreField)})`] : []), `${flavor === 'async' ? 'async ' : ''}for item in page.auto_paging_iter():`, '    print(item)'];
  }
  else if (m.responseKind === 'empty') use = [`${flavor === 'async' ? 'await ' : ''}${call}`];
  else use = [`${variable || 'response'} = ${flavor === 'async' ? 'await ' : ''}${call}`, `print(${variable || 'response'})`];
  if (flavor === 'async') {
    return [...head, '', '', 'async def main() -> None:', ...use.join('\n').split('\n').map((l) => `    ${l}`), '', '', 'asyncio.run(main())', ''].join('\n');
  }
  return [...head, ...use, ''].join('\n');
}

/**
 * Finds the method by its Python names (`chat_agent`, `create_version`) or the TypeScript facade's
 * (`chatAgent`, `createVersion`) and returns its example; `undefined` when there is no such method.
 */
export function pythonExampleFor(tree: TypeTree, resources: readonly PyResource[], resource: string, method: string): string | undefined {
  const r = resources.find((x) => x.attr === resource || x.attr === pyResourceName(resource));
  const m = r?.methods.find((x) => x.name === method || x.name === pyMemberName(method));
  return m ? pythonExample(tree, m) : undefined;
}
