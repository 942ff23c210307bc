/**
 * The API surface `retell-kit sync` compares: methods (resource.method → verb and route) and, per method,
 * the field paths of its params and of its response, each with a coarse type. Both sides are reduced to
 * this one shape, the official SDK release by `sdk-surface.ts` and the curated spec (through the IR) by
 * `spec-surface.ts`, so `compare.ts` never needs to know where a fact came from.
 */

/** Coarse JSON kinds: what survives both TypeScript declarations and JSON Schema without guesswork. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'file' | 'unknown';

export interface FieldFact {
  /** Dotted path from the params or response root; `[]` marks array items (`knowledge_base_texts[].title`). */
  readonly path: string;
  /** Sorted, de-duplicated. `unknown` on either side matches anything. */
  readonly kinds: readonly FieldKind[];
  /** Literal values when the field is an enumeration (string or number literals), sorted. */
  readonly enum?: readonly (string | number)[];
  readonly required: boolean;
  readonly description?: string;
  readonly deprecated?: boolean;
  /** A documented default (`@default` tag or the spec's `default`), as JSON text. */
  readonly default?: string;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MethodFact {
  /** `agent.create`, `knowledgeBase.deleteSource`: facade property path and method name. */
  readonly id: string;
  readonly resource: string;
  readonly method: string;
  readonly verb: HttpVerb | 'unknown';
  /** Route with every path parameter written `{}` (`/get-agent/{}`), so parameter names never matter. */
  readonly route: string;
  /** The route as written, with parameter names (`/get-agent/{agent_id}` or `/get-agent/{agentID}`). */
  readonly rawRoute: string;
  /** Names of the positional path arguments, in order (SDK identifiers or spec wire names). */
  readonly positional: readonly string[];
  readonly paramsType?: string;
  readonly responseType?: string;
  /** Whether the body travels as multipart/form-data. */
  readonly multipart: boolean;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Params fields: query and body fields and path parameters that travel inside the params object. */
  readonly params: readonly FieldFact[];
  readonly response: readonly FieldFact[];
}

/** How a multipart body spells arrays and objects on the wire. */
export interface MultipartConvention {
  /** `json-text`: one part with the JSON text; `brackets`: one part per item, named `name[]`. */
  readonly arrays: 'json-text' | 'brackets' | 'unknown';
  /** `json-text`: one part with the JSON text; `brackets`: one part per field, named `name[key]`. */
  readonly objects: 'json-text' | 'brackets' | 'unknown';
  /** `repeated`: one part per file under the field's own name; `brackets`: `name[]`. */
  readonly fileArrays: 'repeated' | 'brackets' | 'unknown';
}

export interface ApiSurface {
  /** `retell-sdk@5.66.1` or `spec/openapi.yaml`. */
  readonly source: string;
  readonly version?: string;
  /** Sorted by id. */
  readonly methods: readonly MethodFact[];
  readonly multipart: MultipartConvention;
}

/** Deepest field path compared (`a.b.c.d`): deeper levels are rarely curated and mostly repeat. */
export const MAX_FIELD_DEPTH = 4;

/** `{agent_id}` → `{}`: routes compare by shape. */
export function routeShape(route: string): string {
  return route.replace(/\{[^}]*\}/g, '{}');
}

export function sortedUnique<T extends string | number>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Collects field facts by path; the same path reached twice (union variants) merges kinds and enum values,
 * and is required only when every variant requires it.
 */
export class FieldCollector {
  private readonly byPath = new Map<string, FieldFact>();

  add(fact: FieldFact): void {
    const prev = this.byPath.get(fact.path);
    if (!prev) {
      this.byPath.set(fact.path, fact);
      return;
    }
    // An enumeration merged with an open type (`'a' | string`) is open: the enum no longer constrains it.
    const values = prev.enum && fact.enum ? sortedUnique([...prev.enum, ...fact.enum]) : undefined;
    const description = prev.description ?? fact.description;
    const merged: FieldFact = {
      path: prev.path,
      kinds: sortedUnique([...prev.kinds, ...fact.kinds]),
      required: prev.required && fact.required,
      ...(values ? { enum: values } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(prev.deprecated || fact.deprecated ? { deprecated: true } : {}),
      ...(prev.default !== undefined ? { default: prev.default } : fact.default !== undefined ? { default: fact.default } : {}),
    };
    this.byPath.set(fact.path, merged);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  list(): FieldFact[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/**
 * The kind and enumeration facts of a field from what a walker collected: `unknown` when nothing was seen,
 * and an enumeration only when every member is a literal (an open `string` or an object member makes it open).
 */
export function kindFacts(kinds: ReadonlySet<FieldKind>, literals: readonly (string | number)[], open: boolean): Pick<FieldFact, 'kinds' | 'enum'> {
  return {
    kinds: kinds.size > 0 ? sortedUnique(kinds) : ['unknown'],
    ...(!open && literals.length > 0 && !kinds.has('object') ? { enum: sortedUnique(literals) } : {}),
  };
}

export function joinPath(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

export function depthOf(path: string): number {
  return path === '' ? 0 : path.split('.').length;
}
