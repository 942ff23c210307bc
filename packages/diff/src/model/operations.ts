/**
 * The operations of one document (https://spec.openapis.org/oas/v3.1.0#path-item-object), keyed so that
 * both sides line up: the method plus the path template with parameter names erased, so renaming
 * `{id}` to `{agent_id}` keeps the operation matched. Path-item parameters are merged into each
 * operation's own (the operation's win), and path parameters are keyed by position for the same reason.
 * 3.1 `webhooks` are listed too, as `POST webhook:<name>`: their request body is what our users receive.
 */
import { asArray, asObject, asString, type Json, type JsonObject } from '@retell-kit/openapi-core';
import type { RefResolver } from '@retell-kit/openapi-core';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationModel {
  /** `POST /create-agent/{}`: how the two sides are matched. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly node: JsonObject;
  /** Parameters by `in:name` (header names lower-cased; path parameters as `path:#<position>`). */
  readonly parameters: ReadonlyMap<string, ParameterModel>;
  /** A 3.1 webhook: Retell sends the request, the client reads it. */
  readonly webhook: boolean;
}

export interface ParameterModel {
  readonly in: string;
  readonly name: string;
  readonly node: JsonObject;
}

export function listOperations(root: JsonObject, resolver: RefResolver): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>();
  collect(asObject(root.paths) ?? {}, resolver, false, out);
  collect(asObject(root.webhooks) ?? {}, resolver, true, out);
  return out;
}

function collect(paths: JsonObject, resolver: RefResolver, webhook: boolean, out: Map<string, OperationModel>): void {
  for (const name of Object.keys(paths).sort()) {
    const path = webhook ? `webhook:${name}` : name;
    const item = resolver.resolve(paths[name]).node;
    if (item === undefined) continue;
    const pathNames = templateNames(path);
    for (const method of HTTP_METHODS) {
      const node = asObject(item[method]);
      if (node === undefined) continue;
      const parameters = new Map<string, ParameterModel>();
      for (const raw of [...asArray(item.parameters), ...asArray(node.parameters)]) {
        const param = resolver.resolve(raw).node;
        const name = asString(param?.name);
        const location = asString(param?.in);
        if (param === undefined || name === undefined || location === undefined) continue;
        parameters.set(parameterKey(location, name, pathNames), { in: location, name, node: param });
      }
      const upper = method.toUpperCase();
      const key = `${upper} ${normalizeTemplate(path)}`;
      out.set(key, { key, method: upper, path, node, parameters, webhook });
    }
  }
}

export function normalizeTemplate(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
}

function parameterKey(location: string, name: string, pathNames: readonly string[]): string {
  if (location === 'path') {
    const index = pathNames.indexOf(name);
    return index >= 0 ? `path:#${index}` : `path:${name}`;
  }
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}
