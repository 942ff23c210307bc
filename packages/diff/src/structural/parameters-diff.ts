/**
 * Parameters of one operation (https://spec.openapis.org/oas/v3.1.0#parameter-object): presence,
 * required, deprecated, serialization (style/explode with their per-location defaults) and schema.
 */
import { asObject, asString, type JsonObject } from '@retell-kit/openapi-core';
import type { OperationModel, ParameterModel } from '../model/operations.js';
import type { ChangeSink, DiffContext } from './context.js';

export function diffParameters(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const keys = [...new Set([...base.parameters.keys(), ...head.parameters.keys()])].sort();
  for (const key of keys) {
    const before = base.parameters.get(key);
    const after = head.parameters.get(key);
    const label = describe((after ?? before) as ParameterModel);
    if (before === undefined && after !== undefined) {
      sink.add({ subject: 'parameter-added', param: label, required: isRequired(after) }, 'request', label);
      continue;
    }
    if (after === undefined || before === undefined) {
      sink.add({ subject: 'parameter-removed', param: label }, 'request', label);
      continue;
    }
    if (isRequired(before) !== isRequired(after)) sink.add({ subject: 'parameter-required', param: label, after: isRequired(after) }, 'request', label);
    const deprecated = after.node.deprecated === true;
    if ((before.node.deprecated === true) !== deprecated) sink.add({ subject: 'parameter-deprecated', param: label, after: deprecated }, 'request', label);
    const serializationBefore = serialization(before);
    const serializationAfter = serialization(after);
    if (serializationBefore !== serializationAfter) {
      sink.add({ subject: 'parameter-serialization', param: label, before: serializationBefore, after: serializationAfter }, 'request', label);
    }
    sink.addSchema(ctx.schemas.diff(schemaOf(before.node), schemaOf(after.node), 'request'), 'request', label);
  }
}

/**
 * A webhook's parameters (headers such as a signature) are sent by Retell and read by our users'
 * handlers: compared like response headers, in the response direction.
 */
export function diffWebhookParameters(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const keys = [...new Set([...base.parameters.keys(), ...head.parameters.keys()])].sort();
  for (const key of keys) {
    const before = base.parameters.get(key);
    const after = head.parameters.get(key);
    const header = describe((after ?? before) as ParameterModel);
    const location = `parameter(${header})`;
    if (before === undefined && after !== undefined) sink.add({ subject: 'header-added', header, required: isRequired(after) }, 'response', location);
    else if (after === undefined && before !== undefined) sink.add({ subject: 'header-removed', header, required: isRequired(before) }, 'response', location);
    else if (before !== undefined && after !== undefined) {
      if (isRequired(before) !== isRequired(after)) sink.add({ subject: 'header-required', header, after: isRequired(after) }, 'response', location);
      sink.addSchema(ctx.schemas.diff(schemaOf(before.node), schemaOf(after.node), 'response'), 'response', location);
    }
  }
}

function describe(param: ParameterModel): string {
  return `${param.in}.${param.name}`;
}

function isRequired(param: ParameterModel): boolean {
  // Path parameters are always required, whatever the document says.
  return param.in === 'path' || param.node.required === true;
}

function serialization(param: ParameterModel): string {
  const style = asString(param.node.style) ?? (param.in === 'query' || param.in === 'cookie' ? 'form' : 'simple');
  const explode = typeof param.node.explode === 'boolean' ? param.node.explode : style === 'form';
  return `style=${style},explode=${String(explode)}`;
}

/** A parameter's schema, or the schema of its single `content` entry (the other 3.x spelling). */
function schemaOf(node: JsonObject): JsonObject | undefined {
  const schema = asObject(node.schema);
  if (schema !== undefined) return schema;
  const content = asObject(node.content);
  if (content === undefined) return undefined;
  const first = Object.keys(content).sort()[0];
  return first === undefined ? undefined : asObject(asObject(content[first])?.schema);
}
