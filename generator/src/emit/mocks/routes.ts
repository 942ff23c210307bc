/**
 * One `MockRoute` per IR operation: method, path template, the parameter, body and success schemas the
 * mock server validates against, the declared error statuses and the facade bindings. Names and order
 * come from the IR; schemas come from the bundled document the IR was built from.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import type { OperationModel } from '../../ir/types.js';
import { arr, isNode, obj, str, type Node, type RefResolver } from '../../ir/walk.js';
import { mediaSample, paramSample, type SampleContext } from './samples.js';
import { stripSchema } from './schemas.js';

export interface RouteData {
  readonly route: Node;
  readonly samples: Node;
  /** Raw schemas the route uses, for the reachability walk. */
  readonly schemaRoots: unknown[];
  /** Schema of the first JSON error response, if any. */
  readonly errorSchema?: unknown;
}

/** Reads a JSON pointer (`/paths/~1get-agent~1{agent_id}/get`) from the document. */
function atPointer(doc: Node, pointer: string): Node | undefined {
  let current: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = isNode(current) ? current[key] : undefined;
  }
  return isNode(current) ? current : undefined;
}

/** Path-level parameters apply unless the operation redefines the same `in` + `name`. */
function parameters(pathItem: Node, op: Node, resolver: RefResolver): Node[] {
  const byKey = new Map<string, Node>();
  for (const raw of [...arr(pathItem, 'parameters'), ...arr(op, 'parameters')]) {
    const p = resolver.deref(raw);
    if (p) byKey.set(`${str(p, 'in')}:${str(p, 'name')}`, p);
  }
  return [...byKey.values()];
}

function jsonMedia(content: Node | undefined): Node | undefined {
  if (!content) return undefined;
  const key = Object.keys(content).find((m) => /json/i.test(m)) ?? Object.keys(content)[0];
  return key ? obj(content, key) : undefined;
}

export function routeData(op: OperationModel, ctx: SampleContext): RouteData {
  const { doc, resolver } = ctx;
  const opNode = atPointer(doc, op.pointer) ?? {};
  const pathItem = resolver.deref(atPointer(doc, op.pointer.slice(0, op.pointer.lastIndexOf('/')))) ?? {};
  const params = parameters(pathItem, opNode, resolver);
  const roots: unknown[] = [];
  const paramList = (where: string, names: readonly string[]) =>
    names.map((name) => {
      const p = params.find((x) => x['in'] === where && x['name'] === name);
      const schema = p?.['schema'] ?? { type: 'string' };
      roots.push(schema);
      const entry: Node = { name, required: where === 'path' || p?.['required'] === true, schema: stripSchema(schema) };
      const styled = where === 'path' ? op.pathParams.find((x) => x.name === name)?.pathStyle : undefined;
      if (styled) {
        // How the mock reads the segment back (see packages/mock/src/http/path-style.ts).
        const type = resolver.deref(schema)?.['type'];
        entry['style'] = styled.style;
        entry['explode'] = styled.explode;
        entry['shape'] = type === 'array' ? 'array' : type === 'object' ? 'object' : 'scalar';
      }
      return { node: p ?? { name, schema }, entry };
    });
  const pathParams = paramList('path', op.pathParams.map((p) => p.name));
  const queryParams = paramList('query', op.queryParams.map((p) => p.name));

  const route: Node = {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    pathParams: pathParams.map((p) => p.entry),
    queryParams: queryParams.map((p) => p.entry),
  };
  const samples: Node = {
    query: Object.fromEntries(queryParams.map((p) => [p.entry.name, paramSample(p.node, ctx)])),
    path: Object.fromEntries(pathParams.map((p) => [p.entry.name, paramSample(p.node, ctx)])),
  };

  const body = op.body;
  const requestBody = resolver.deref(opNode['requestBody']);
  const bodyMedia = body && requestBody ? obj(obj(requestBody, 'content') ?? {}, body.mediaType) : undefined;
  if (body && bodyMedia) {
    roots.push(bodyMedia['schema']);
    route['body'] = { mediaType: body.mediaType, kind: body.kind, required: body.required, schema: stripSchema(bodyMedia['schema'] ?? {}) };
    samples['request'] = mediaSample(bodyMedia, 'request', ctx);
  }

  const responses = obj(opNode, 'responses') ?? {};
  const success: Node = { status: Number(op.success?.status ?? 200) || 200 };
  const okResponse = op.success ? resolver.deref(responses[op.success.status]) : undefined;
  const okMedia = op.success?.kind === 'json' && okResponse ? jsonMedia(obj(okResponse, 'content')) : undefined;
  if (okMedia) {
    roots.push(okMedia['schema']);
    success['schema'] = stripSchema(okMedia['schema'] ?? {});
    samples['response'] = mediaSample(okMedia, 'response', ctx);
  }
  route['success'] = success;

  const errorStatuses: number[] = [];
  const errors: Node = {};
  let errorSchema: unknown;
  for (const key of Object.keys(responses).sort()) {
    const status = Number(key);
    if (!Number.isInteger(status) || status < 400) continue;
    errorStatuses.push(status);
    const media = jsonMedia(obj(resolver.deref(responses[key]) ?? {}, 'content'));
    if (!media) continue;
    roots.push(media['schema']);
    errorSchema ??= media['schema'];
    errors[key] = mediaSample(media, 'response', ctx);
  }
  route['errorStatuses'] = errorStatuses;
  samples['errors'] = errors;
  route['sdk'] = op.sdk.map((b) => ({ resource: b.resource, method: b.method }));
  if (op.pagination) route['pagination'] = { ...op.pagination };
  return { route, samples, schemaRoots: roots, ...(errorSchema !== undefined ? { errorSchema } : {}) };
}
