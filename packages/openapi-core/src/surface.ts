/**
 * The SDK surface: what the generated facade exports, as the facade's emitter decides it from the IR.
 * It is the one owner of that fact for every reader that is not the emitter itself: the spec diff's SDK
 * verdict and the sync command compare two surfaces instead of re-reading `x-sdk`, so a change the
 * facade makes (a positional argument, a type name, a method bound to another route) is a change here.
 *
 * The emitter reads the same model fields (`MethodModel.positional`, `takesParams`, `binding`,
 * `isResponseAlias`); `test/generator/sdk-surface.test.ts` checks the two against the generated facade.
 */
import { isResponseAlias } from './ir/sdk.js';
import type { ApiModel, HttpMethod } from './ir/types.js';

export interface SurfaceMethod {
  /** `resource.method` as callers write it after `client.`, e.g. `knowledgeBase.deleteSource`. */
  readonly id: string;
  /** Property on the client, e.g. `knowledgeBase`. */
  readonly resource: string;
  /** Resource class name, e.g. `KnowledgeBase`. */
  readonly className: string;
  readonly method: string;
  /** Wire names of the positional path parameters, in argument order (`['source_id']`). */
  readonly positional: readonly string[];
  /** Exported params type, or null when the method takes no params object. */
  readonly paramsType: string | null;
  /** Whether the params object must be passed. */
  readonly paramsRequired: boolean;
  /** Type the call resolves to: a schema alias, a facade alias, or `void`. */
  readonly responseType: string;
  readonly verb: HttpMethod;
  /** OpenAPI path template, e.g. `/get-agent/{agent_id}`. */
  readonly path: string;
  /** `GET /get-agent/{agent_id}`. */
  readonly route: string;
  readonly paginated: boolean;
}

export interface SdkSurface {
  /** Every facade method, sorted by id. */
  readonly methods: readonly SurfaceMethod[];
  /**
   * Every type name the facade exports at its top level and in the `Retell` namespace, sorted: resource
   * classes, params and response aliases, and schema aliases (less those a resource class shadows).
   */
  readonly types: readonly string[];
  /** Schema aliases among `types`, by name → component key (their shapes can be compared). */
  readonly schemaTypes: ReadonlyMap<string, string>;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sdkSurface(model: ApiModel): SdkSurface {
  const schemaNames = new Set(model.schemas.map((s) => s.typeName));
  const classNames = new Set(model.resources.map((r) => r.className));
  const types = new Set<string>(classNames);
  const methods: SurfaceMethod[] = [];
  for (const resource of model.resources) {
    for (const m of resource.methods) {
      const op = m.operation;
      const paramsType = m.takesParams ? m.binding.paramsType : null;
      if (paramsType !== null) types.add(paramsType);
      if (isResponseAlias(m.binding, schemaNames)) types.add(m.binding.responseType);
      methods.push({
        id: `${resource.property}.${m.name}`,
        resource: resource.property,
        className: resource.className,
        method: m.name,
        positional: m.positional.map((p) => p.name),
        paramsType,
        paramsRequired: m.takesParams && m.paramsRequired,
        responseType: m.binding.responseType,
        verb: op.method,
        path: op.path,
        route: `${op.method} ${op.path}`,
        paginated: op.pagination !== undefined,
      });
    }
  }
  const schemaTypes = new Map<string, string>();
  for (const s of model.schemas) {
    if (classNames.has(s.typeName)) continue;
    types.add(s.typeName);
    schemaTypes.set(s.typeName, s.key);
  }
  return { methods: methods.sort((a, b) => byString(a.id, b.id)), types: [...types].sort(byString), schemaTypes };
}

/** One line per method, as a reader compares two surfaces: `knowledgeBase.deleteSource(source_id, params: …): void  DELETE /…`. */
export function describeMethod(m: SurfaceMethod): string {
  const args = [...m.positional, ...(m.paramsType === null ? [] : [`params${m.paramsRequired ? '' : '?'}: ${m.paramsType}`])];
  return `${m.id}(${args.join(', ')}): ${m.responseType}  ${m.route}`;
}
