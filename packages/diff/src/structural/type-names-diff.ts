/**
 * Exported type names: the generated client has one alias per component schema
 * (`export type AgentResponse = components['schemas']['AgentResponse']`), so adding, removing or
 * renaming a component schema changes what users can import even when no operation changes shape.
 * A removed and an added schema with the same content (documentation ignored) are a rename.
 */
import { asObject, canonicalJson, withoutDocs, type Json, type JsonObject } from '../model/json.js';
import type { Change } from '../types.js';
import { ChangeSink, type DiffContext } from './context.js';

export function diffTypeNames(ctx: DiffContext): Change[] {
  const baseSchemas = asObject(asObject(ctx.base.root.components)?.schemas) ?? {};
  const headSchemas = asObject(asObject(ctx.head.root.components)?.schemas) ?? {};
  const removed = Object.keys(baseSchemas).filter((n) => !Object.hasOwn(headSchemas, n)).sort();
  const added = Object.keys(headSchemas).filter((n) => !Object.hasOwn(baseSchemas, n)).sort();
  // Shapes only for the names that changed: they are the only rename candidates.
  const before = shapes(baseSchemas, removed);
  const after = shapes(headSchemas, added);
  const sink = new ChangeSink(null);

  // Pair by content only when the content is unique on both sides; otherwise it is not a rename we can name.
  const addedByShape = groupBy(added, (n) => after.get(n) as string);
  const removedByShape = groupBy(removed, (n) => before.get(n) as string);
  const renamedTo = new Set<string>();
  for (const name of removed) {
    const shape = before.get(name) as string;
    const targets = addedByShape.get(shape) ?? [];
    if (targets.length === 1 && removedByShape.get(shape)?.length === 1) {
      const target = targets[0] as string;
      renamedTo.add(target);
      sink.add({ subject: 'sdk-type-renamed', before: name, after: target }, 'none', `types.${target}`);
    } else {
      sink.add({ subject: 'sdk-type-removed', type: name }, 'none', `types.${name}`);
    }
  }
  for (const name of added) if (!renamedTo.has(name)) sink.add({ subject: 'sdk-type-added', type: name }, 'none', `types.${name}`);
  return sink.changes;
}

function shapes(raw: JsonObject, names: readonly string[]): Map<string, string> {
  return new Map(names.map((name) => [name, canonicalJson(withoutDocs(raw[name] as Json))]));
}

function groupBy(names: readonly string[], key: (name: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of names) out.set(key(name), [...(out.get(key(name)) ?? []), name]);
  return out;
}
