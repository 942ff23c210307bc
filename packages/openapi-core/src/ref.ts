/**
 * Local `$ref` resolution inside one bundled document (after bundling every `$ref` is `#/...`). One
 * resolver for every consumer: pointers are decoded once and cached, only own keys are followed
 * (`#/__proto__` must not reach Object.prototype), and `$ref` chains that loop resolve to nothing.
 *
 * Two ways to ask: `deref`/`lookup` throw a located `SpecError` for a dangling or external ref (the
 * generator must not emit from a broken spec); `resolve` answers `undefined` instead and reports the
 * component the chain went through (the diff compares whatever it can read).
 */
import { SpecError } from './errors.js';
import { isNode, type Json, type JsonObject, type Node } from './json.js';

export interface Resolved {
  readonly node: JsonObject | undefined;
  /** Component name when the chain went through `#/components/schemas/<name>`. */
  readonly schemaRef: string | null;
}

const MISSING = Symbol('missing');

export function unescapePointer(segment: string): string {
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
  /** Pointer → target: a component is referenced from hundreds of places; decode each pointer once. */
  private readonly targets = new Map<string, unknown>();

  constructor(
    readonly root: Node | JsonObject,
    private readonly file = '',
  ) {}

  /** The target of a local pointer (`#/a/b~1c`), or `undefined` when it is not local or not there. */
  pointer(ref: string): Json | undefined {
    const target = this.target(ref);
    return target === MISSING ? undefined : (target as Json);
  }

  /** The target of a local pointer; a `SpecError` for an external or dangling ref. */
  lookup(ref: string): unknown {
    if (!ref.startsWith('#')) throw new SpecError('external-ref', `external $ref "${ref}" is left after bundling`, this.file);
    const target = this.target(ref);
    if (target === MISSING) throw new SpecError('dangling-ref', `cannot resolve $ref "${ref}"`, this.file, ref.slice(1));
    return target;
  }

  /** Follows a chain of `$ref`s to the first node that is not a reference (cycle-safe; throws when dangling). */
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

  /** Follows a `$ref` chain to the first non-ref node; unresolvable refs yield `node: undefined`. */
  resolve(value: Json | undefined): Resolved {
    let node: unknown = value;
    let schemaRef: string | null = null;
    const seen = new Set<string>();
    while (isNode(node) && typeof node['$ref'] === 'string') {
      const ref = node['$ref'];
      if (seen.has(ref)) return { node: undefined, schemaRef };
      seen.add(ref);
      schemaRef ??= componentKey(ref, 'schemas') ?? null;
      node = this.pointer(ref);
    }
    return { node: isNode(node) ? (node as JsonObject) : undefined, schemaRef };
  }

  private target(ref: string): unknown {
    if (this.targets.has(ref)) return this.targets.get(ref);
    const target = this.walk(ref);
    this.targets.set(ref, target);
    return target;
  }

  private walk(ref: string): unknown {
    if (!ref.startsWith('#')) return MISSING;
    let current: unknown = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = unescapePointer(decodeURIComponent(raw));
      if (Array.isArray(current)) current = /^\d+$/.test(key) && Number(key) < current.length ? current[Number(key)] : MISSING;
      else if (isNode(current)) current = Object.hasOwn(current, key) ? current[key] : MISSING;
      else current = MISSING;
      if (current === MISSING) return MISSING;
    }
    return current;
  }
}
