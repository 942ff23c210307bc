/**
 * Resolves local `$ref`s (`#/components/...`) inside one bundled document. Each side of the diff has its
 * own resolver: the same ref name may point at different content in base and head.
 */
import { asObject, type Json, type JsonObject } from './json.js';

export interface Resolved {
  readonly node: JsonObject | undefined;
  /** Component name when the chain went through `#/components/schemas/<name>`. */
  readonly schemaRef: string | null;
}

export class Resolver {
  /** Pointer → target: a component is referenced from hundreds of places; decode each pointer once. */
  private readonly targets = new Map<string, Json | undefined>();

  constructor(readonly root: JsonObject) {}

  /** Follows a `$ref` chain to the first non-ref node. Unresolvable refs yield `node: undefined`. */
  resolve(value: Json | undefined): Resolved {
    let node = asObject(value);
    let schemaRef: string | null = null;
    const seen = new Set<string>();
    while (node !== undefined && typeof node.$ref === 'string') {
      const ref = node.$ref;
      // A ref chain that loops on itself resolves to nothing rather than spinning forever.
      if (seen.has(ref)) return { node: undefined, schemaRef };
      seen.add(ref);
      schemaRef ??= schemaRefName(ref);
      node = asObject(this.pointer(ref));
    }
    return { node, schemaRef };
  }

  /** Reads a local JSON pointer (`#/a/b~1c`). */
  pointer(ref: string): Json | undefined {
    if (this.targets.has(ref)) return this.targets.get(ref);
    const target = this.walk(ref);
    this.targets.set(ref, target);
    return target;
  }

  private walk(ref: string): Json | undefined {
    if (!ref.startsWith('#')) return undefined;
    let current: Json | undefined = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      const object = asObject(current);
      // Own keys only: `#/__proto__` must not reach Object.prototype.
      if (object === undefined || !Object.hasOwn(object, key)) return undefined;
      current = object[key];
    }
    return current;
  }
}

export function schemaRefName(ref: string): string | null {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) return null;
  return decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
}
