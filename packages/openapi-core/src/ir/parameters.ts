/**
 * An operation's parameters: the path item's, then the operation's own, which replace a path-level one
 * with the same `in` + `name` (OpenAPI's rule). The one place that merges them; the IR, the type tree
 * and the docs model all ask here.
 */
import { arr, str, type Node } from '../json.js';
import type { RefResolver } from '../ref.js';

/**
 * Parameter objects (`$ref`s resolved) keyed by `in:name`, in declaration order. `onInvalid` is called
 * for an entry without `in` or `name`, which is left out.
 */
export function mergedParameters(pathItem: Node, op: Node, resolver: RefResolver, onInvalid?: () => void): Map<string, Node> {
  const byKey = new Map<string, Node>();
  for (const list of [arr(pathItem, 'parameters'), arr(op, 'parameters')]) {
    for (const raw of list) {
      const p = resolver.deref(raw);
      if (!p) continue;
      const where = str(p, 'in');
      const name = str(p, 'name');
      if (!where || name === undefined) {
        onInvalid?.();
        continue;
      }
      byKey.set(`${where}:${name}`, p);
    }
  }
  return byKey;
}
