/**
 * Small helpers to read the bundled document: typed property access and `$ref` resolution.
 * After bundling every `$ref` is local (`#/components/...`), so resolution is a pointer lookup.
 */
import { SpecError } from '../errors.js';

export type Node = Record<string, unknown>;

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function str(node: Node, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

export function obj(node: Node, key: string): Node | undefined {
  const v = node[key];
  return isNode(v) ? v : undefined;
}

export function arr(node: Node, key: string): unknown[] {
  const v = node[key];
  return Array.isArray(v) ? v : [];
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Reads the component key a `$ref` names, e.g. `#/components/schemas/Agent` → `Agent`. */
export function componentKey(ref: string, kind: string): string | undefined {
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  return rest.includes('/') ? undefined : unescapePointer(decodeURIComponent(rest));
}

export class RefResolver {
  constructor(
    private readonly doc: Node,
    private readonly file: string,
  ) {}

  lookup(ref: string): unknown {
    if (!ref.startsWith('#')) {
      throw new SpecError('external-ref', `external $ref "${ref}" is left after bundling`, this.file);
    }
    let current: unknown = this.doc;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = unescapePointer(decodeURIComponent(raw));
      if (Array.isArray(current)) current = current[Number(key)];
      else if (isNode(current)) current = current[key];
      else current = undefined;
      if (current === undefined) throw new SpecError('dangling-ref', `cannot resolve $ref "${ref}"`, this.file, ref.slice(1));
    }
    return current;
  }

  /** Follows a chain of `$ref`s to the first node that is not a reference (cycle-safe). */
  deref(value: unknown): Node | undefined {
    let current = value;
    const seen = new Set<string>();
    while (isNode(current) && typeof current['$ref'] === 'string') {
      const ref = current['$ref'];
      if (seen.has(ref)) return undefined;
      seen.add(ref);
      current = this.lookup(ref);
    }
    return isNode(current) ? current : undefined;
  }
}
