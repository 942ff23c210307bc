/**
 * Exported type names, as the SDK surface lists them: resource classes, params and response aliases,
 * and one alias per component schema. Adding, removing or renaming one changes what users can import
 * even when no operation changes shape. A removed and an added schema alias with the same content
 * (documentation ignored) are a rename; a params or response alias that changed name with its method is
 * reported on the method (sdk-diff.ts), not again here.
 */
import { asObject, canonicalJson, withoutDocs, type Json, type JsonObject, type SdkSurface } from '@retell-kit/openapi-core';
import type { Change } from '../types.js';
import { ChangeSink, type DiffContext } from './context.js';

export function diffTypeNames(ctx: DiffContext): Change[] {
  const [base, head] = [ctx.base.surface, ctx.head.surface];
  const headTypes = new Set(head.types);
  const baseTypes = new Set(base.types);
  const methodRenames = renamedWithMethods(base, head);
  const removed = base.types.filter((n) => !headTypes.has(n) && !methodRenames.has(n));
  const added = head.types.filter((n) => !baseTypes.has(n) && !methodRenames.has(n));
  // Shapes only for the schema aliases that changed: they are the only rename candidates.
  const before = shapes(ctx.base.root, base, removed);
  const after = shapes(ctx.head.root, head, added);
  const sink = new ChangeSink(null);

  // Pair by content only when the content is unique on both sides; otherwise it is not a rename we can name.
  const addedByShape = groupBy(added.filter((n) => after.has(n)), (n) => after.get(n) as string);
  const removedByShape = groupBy(removed.filter((n) => before.has(n)), (n) => before.get(n) as string);
  const renamedTo = new Set<string>();
  for (const name of removed) {
    const shape = before.get(name);
    const targets = shape === undefined ? [] : (addedByShape.get(shape) ?? []);
    if (targets.length === 1 && shape !== undefined && removedByShape.get(shape)?.length === 1) {
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

/** Params and response type names that a method kept on both sides but under another name. */
function renamedWithMethods(base: SdkSurface, head: SdkSurface): Set<string> {
  const out = new Set<string>();
  const headMethods = new Map(head.methods.map((m) => [m.id, m]));
  for (const b of base.methods) {
    const h = headMethods.get(b.id);
    if (h === undefined) continue;
    if (b.paramsType !== null && h.paramsType !== null && b.paramsType !== h.paramsType) out.add(b.paramsType).add(h.paramsType);
    if (b.responseType !== h.responseType) out.add(b.responseType).add(h.responseType);
  }
  return out;
}

/** Canonical content of the schema aliases among `names` (facade aliases have no schema of their own). */
function shapes(root: JsonObject, surface: SdkSurface, names: readonly string[]): Map<string, string> {
  const schemas = asObject(asObject(root.components)?.schemas) ?? {};
  const out = new Map<string, string>();
  for (const name of names) {
    const key = surface.schemaTypes.get(name);
    if (key !== undefined && Object.hasOwn(schemas, key)) out.set(name, canonicalJson(withoutDocs(schemas[key] as Json)));
  }
  return out;
}

function groupBy(names: readonly string[], key: (name: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of names) out.set(key(name), [...(out.get(key(name)) ?? []), name]);
  return out;
}
