/**
 * Builds the docs model (model-types.ts) from the IR and the bundled document: per facade method its
 * signature, route, parameters with nested fields, response fields and examples; per webhook event its
 * payload; per custom-LLM socket message (root `x-custom-llm-websocket`) its fields. Pure.
 */
import { arr, componentKey, isNode, mergedParameters, obj, RefResolver, str, type ApiModel, type LoadedSpec, type MethodModel, type Node, type ParamModel } from '../../core.js';
import { API, facadeParamsType, facadeReturnType } from '../sdk/method.js';
import { methodExamples } from './examples.js';
import { FieldWalker, shortText } from './fields.js';
import { SchemaTrimmer, shortDescription } from './input-schema.js';
import type { DocField, DocMethod, DocSocketMessage, DocsModel, DocWebhook } from '../../core.js';

const READ_VERBS = /^(list|retrieve|get|search|fetch)/;

function signature(m: MethodModel, resource: string, schemaNames: ReadonlySet<string>): string {
  const args = m.positional.map((p) => `${p.ident}: ${p.primitive ?? 'string'}`);
  if (facadeParamsType(m)) args.push(m.paramsRequired ? `params: ${m.binding.paramsType}` : `params?: ${m.binding.paramsType}`);
  args.push('options?: RequestOptions');
  const ret = facadeReturnType(m, schemaNames).replaceAll(`${API}.`, '');
  return `client.${resource}.${m.name}(${args.join(', ')}): ${ret}`;
}

function mediaSchema(content: unknown): unknown {
  if (!isNode(content)) return undefined;
  const media = Object.values(content).find(isNode);
  return media?.['schema'];
}

class Builder {
  readonly resolver: RefResolver;
  readonly walker: FieldWalker;
  readonly trimmer: SchemaTrimmer;
  constructor(readonly spec: LoadedSpec) {
    this.resolver = new RefResolver(spec.document, spec.file);
    this.walker = new FieldWalker(this.resolver);
    this.trimmer = new SchemaTrimmer(this.resolver);
  }

  /** Path params, query params and body fields as one object schema (the facade's arguments, by wire name). */
  inputSchema(m: MethodModel, params: Map<string, Node>, bodySchema: unknown): Record<string, unknown> {
    const properties: Node = {};
    const required: string[] = [];
    const op = m.operation;
    for (const p of op.pathParams) {
      const node = params.get(`path:${p.name}`);
      const schema = node?.['schema'] !== undefined ? this.trimmer.trim(node['schema'], 1) : { type: 'string' };
      const description = shortDescription(p.description);
      properties[p.name] = description ? { ...schema, description } : schema;
      required.push(p.name);
    }
    for (const q of op.queryParams) {
      const node = params.get(`query:${q.name}`);
      const schema = node?.['schema'] !== undefined ? this.trimmer.trim(node['schema'], 1) : { type: 'string' };
      const description = shortDescription(q.description);
      properties[q.name] = description ? { ...schema, description } : schema;
      if (q.required) required.push(q.name);
    }
    if (bodySchema !== undefined) {
      const body = this.trimmer.trim(bodySchema);
      const bodyProps = obj(body, 'properties');
      if (bodyProps && op.paramsShape !== 'separate') {
        Object.assign(properties, bodyProps);
        required.push(...arr(body, 'required').filter((k): k is string => typeof k === 'string'));
      } else {
        properties['body'] = body;
        if (op.body?.required) required.push('body');
      }
    }
    return { type: 'object', properties, ...(required.length > 0 ? { required: [...new Set(required)] } : {}), additionalProperties: false };
  }

  operationNode(pointer: string): Node {
    const node = this.resolver.lookup(`#${pointer}`);
    return isNode(node) ? node : {};
  }

  /** Parameter objects of an operation (path-item level included), `$ref`s resolved. */
  parameters(pointer: string): Map<string, Node> {
    const itemPointer = pointer.slice(0, pointer.lastIndexOf('/'));
    return mergedParameters(this.operationNode(itemPointer), this.operationNode(pointer), this.resolver);
  }

  paramField(p: ParamModel, node: Node | undefined, required: boolean): DocField[] {
    const schema = node?.['schema'];
    const target = this.resolver.deref(schema) ?? {};
    const enumValues = arr(target, 'enum').filter((v) => v !== null).map(String);
    const description = shortText(p.description ?? (node ? str(node, 'description') : undefined));
    const field: DocField = {
      path: p.name,
      type: schema === undefined ? (p.primitive ?? 'string') : this.walker.typeOf(schema),
      required,
      ...(enumValues.length > 0 ? { enum: enumValues } : {}),
      ...(target['default'] !== undefined ? { default: target['default'] } : {}),
      ...(description ? { description } : {}),
    };
    // Object-valued query params (filters) get their nested fields too.
    const nested = isNode(target['properties']) ? this.walker.fields(target, p.name, 1) : [];
    return [field, ...nested];
  }

  method(m: MethodModel, resource: string, resourceClass: string, schemaNames: ReadonlySet<string>): DocMethod {
    const op = m.operation;
    const node = this.operationNode(op.pointer);
    const params = this.parameters(op.pointer);
    const positional = m.positional.flatMap((p) => this.paramField(p, params.get(`path:${p.name}`), true).slice(0, 1));
    const fields: DocField[] = [];
    for (const p of m.pathInParams) fields.push(...this.paramField(p, params.get(`path:${p.name}`), true).slice(0, 1));
    for (const q of op.queryParams) fields.push(...this.paramField(q, params.get(`query:${q.name}`), q.required));
    const bodySchema = mediaSchema(obj(this.resolver.deref(node['requestBody']) ?? {}, 'content'));
    if (bodySchema !== undefined) fields.push(...this.walker.fields(bodySchema));
    const responses = obj(node, 'responses') ?? {};
    const success = op.success ? this.resolver.deref(responses[op.success.status]) : undefined;
    const responseSchema = success ? mediaSchema(obj(success, 'content') ?? {}) : undefined;
    const summary = op.summary?.trim();
    const description = op.description?.trim();
    return {
      kind: 'method',
      id: `${resource}.${m.name}`,
      resource,
      resourceClass,
      method: m.name,
      operationId: op.operationId,
      signature: signature(m, resource, schemaNames),
      httpMethod: op.method,
      path: op.path,
      ...(summary ? { summary } : {}),
      ...(description ? { description } : {}),
      deprecated: op.deprecated,
      paginated: op.pagination !== undefined,
      readOnly: op.method === 'GET' || READ_VERBS.test(m.name),
      positional,
      params: fields,
      ...(facadeParamsType(m) ? { paramsType: m.binding.paramsType } : {}),
      // Responses: top-level fields and one level below (what an agent reads back); parameters go deeper.
      response: { type: m.binding.responseType, fields: responseSchema !== undefined ? this.walker.fields(responseSchema, '', 0, 1) : [] },
      examples: methodExamples(m, resource, this.baseUrl()),
      inputSchema: this.inputSchema(m, params, bodySchema),
    };
  }

  baseUrl(): string {
    const server = arr(this.spec.document, 'servers').find(isNode);
    return (server ? str(server, 'url') : undefined)?.replace(/\/$/, '') ?? 'https://api.example.com';
  }

  webhooks(): DocWebhook[] {
    const hooks = obj(this.spec.document, 'webhooks') ?? {};
    const out: DocWebhook[] = [];
    for (const key of Object.keys(hooks).sort()) {
      const item = this.resolver.deref(hooks[key]) ?? {};
      const op = obj(item, 'post') ?? Object.values(item).find(isNode) ?? {};
      const sdk = obj(op, 'x-sdk');
      const event = (sdk ? str(sdk, 'webhook') : undefined) ?? key;
      const schema = mediaSchema(obj(this.resolver.deref(op['requestBody']) ?? {}, 'content'));
      const summary = shortText(str(op, 'summary'), 200);
      const description = str(op, 'description')?.trim();
      out.push({
        kind: 'webhook',
        id: `webhook.${event}`,
        event,
        ...(summary ? { summary } : {}),
        ...(description ? { description } : {}),
        payloadType: schema !== undefined ? this.walker.typeOf(schema) : 'unknown',
        fields: schema !== undefined ? this.walker.fields(schema, '', 0, 1) : [],
      });
    }
    return out;
  }

  socketMessages(): DocSocketMessage[] {
    const ext = obj(this.spec.document, 'x-custom-llm-websocket');
    if (!ext) return [];
    const out: DocSocketMessage[] = [];
    for (const [direction, key] of [['server', 'serverMessage'], ['client', 'clientMessage']] as const) {
      const union = this.resolver.deref(ext[key]);
      if (!union) continue;
      const discriminator = str(obj(union, 'discriminator') ?? {}, 'propertyName') ?? (direction === 'server' ? 'interaction_type' : 'response_type');
      const variants = [...arr(union, 'oneOf'), ...arr(union, 'anyOf')];
      for (const variant of variants) {
        const node = this.resolver.deref(variant);
        if (!node) continue;
        const type = isNode(variant) && typeof variant['$ref'] === 'string' ? (componentKey(variant['$ref'], 'schemas') ?? 'object') : 'object';
        const prop = this.resolver.deref(obj(node, 'properties')?.[discriminator]) ?? {};
        const name = String(prop['const'] ?? arr(prop, 'enum')[0] ?? type);
        const description = str(node, 'description')?.trim();
        out.push({
          kind: 'socket',
          id: `socket.${direction}.${name}`,
          direction,
          name,
          discriminator,
          type,
          ...(description ? { description } : {}),
          fields: this.walker.fields(node),
        });
      }
    }
    return out;
  }
}

export function buildDocsModel(spec: LoadedSpec, model: ApiModel): DocsModel {
  const b = new Builder(spec);
  const schemaNames = new Set(model.schemas.map((s) => s.typeName));
  const methods = model.resources.flatMap((r) => r.methods.map((m) => b.method(m, r.property, r.className, schemaNames)));
  return { title: model.title, baseUrl: b.baseUrl(), methods, webhooks: b.webhooks(), socketMessages: b.socketMessages() };
}
