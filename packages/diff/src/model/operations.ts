/**
 * The operations of one document (https://spec.openapis.org/oas/v3.1.0#path-item-object), keyed so that
 * both sides line up: the method plus the path template with parameter names erased, so renaming
 * `{id}` to `{agent_id}` keeps the operation matched. Path-item parameters are merged into each
 * operation's own (the operation's win), and path parameters are keyed by position for the same reason.
 * 3.1 `webhooks` are listed too, as `POST webhook:<name>`: their request body is what our users receive.
 */
import type { SdkMethod } from '../types.js';
import { asArray, asObject, asString, type Json, type JsonObject } from './json.js';
import type { Resolver } from './resolver.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationModel {
  /** `POST /create-agent/{}`: how the two sides are matched. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly node: JsonObject;
  /** Parameters by `in:name` (header names lower-cased; path parameters as `path:#<position>`). */
  readonly parameters: ReadonlyMap<string, ParameterModel>;
  readonly sdk: readonly SdkMethod[];
  /** A 3.1 webhook: Retell sends the request, the client reads it. */
  readonly webhook: boolean;
}

export interface ParameterModel {
  readonly in: string;
  readonly name: string;
  readonly node: JsonObject;
}

export function listOperations(root: JsonObject, resolver: Resolver): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>();
  collect(asObject(root.paths) ?? {}, resolver, false, out);
  collect(asObject(root.webhooks) ?? {}, resolver, true, out);
  return out;
}

function collect(paths: JsonObject, resolver: Resolver, webhook: boolean, out: Map<string, OperationModel>): void {
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
      out.set(key, { key, method: upper, path, node, parameters, sdk: readSdk(node['x-sdk']), webhook });
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

/** `x-sdk` is one `{resource, method}` pair or a list of them (architecture.md, spec extensions). */
export function readSdk(raw: Json | undefined): SdkMethod[] {
  const entries = Array.isArray(raw) ? asArray(raw) : raw === undefined ? [] : [raw];
  const out: SdkMethod[] = [];
  for (const entry of entries) {
    const object = asObject(entry);
    const resource = asString(object?.resource);
    const method = asString(object?.method);
    if (resource === undefined || method === undefined) continue;
    const paramsType = asString(object?.paramsType);
    const responseType = asString(object?.responseType);
    out.push({ resource, method, ...(paramsType !== undefined && { paramsType }), ...(responseType !== undefined && { responseType }) });
  }
  return out;
}

export function sdkName(method: SdkMethod): string {
  return `${method.resource}.${method.method}`;
}
