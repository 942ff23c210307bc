/**
 * Responses of one operation (https://spec.openapis.org/oas/v3.1.0#responses-object): status codes,
 * their headers (name case-insensitive, `required` default false) and content. Everything here is read
 * by the client, so it is all `response` direction.
 */
import { asObject, type JsonObject } from '@retell-kit/openapi-core';
import type { OperationModel } from '../model/operations.js';
import type { RefResolver } from '@retell-kit/openapi-core';
import type { ChangeSink, DiffContext } from './context.js';
import { diffContent } from './content-diff.js';

export function diffResponses(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const before = asObject(base.node.responses) ?? {};
  const after = asObject(head.node.responses) ?? {};
  for (const status of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const root = `response(${status})`;
    const b = ctx.base.resolver.resolve(before[status]).node;
    const a = ctx.head.resolver.resolve(after[status]).node;
    if (b === undefined && a === undefined) continue;
    if (b === undefined) {
      sink.add({ subject: 'response-added', status }, 'response', root);
      continue;
    }
    if (a === undefined) {
      sink.add({ subject: 'response-removed', status }, 'response', root);
      continue;
    }
    diffHeaders(ctx, headers(b, ctx.base.resolver), headers(a, ctx.head.resolver), root, sink);
    diffContent(ctx, asObject(b.content), asObject(a.content), 'response', `${root}.`, sink);
  }
}

function headers(response: JsonObject, resolver: RefResolver): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const raw = asObject(response.headers) ?? {};
  // Sorted: two spellings of one header name must not depend on key order.
  for (const name of Object.keys(raw).sort()) {
    const header = resolver.resolve(raw[name]).node;
    if (header !== undefined && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), header);
  }
  return out;
}

function diffHeaders(ctx: DiffContext, before: Map<string, JsonObject>, after: Map<string, JsonObject>, root: string, sink: ChangeSink): void {
  for (const header of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(header);
    const a = after.get(header);
    const location = `${root}.header(${header})`;
    if (b === undefined) sink.add({ subject: 'header-added', header, required: a?.required === true }, 'response', location);
    else if (a === undefined) sink.add({ subject: 'header-removed', header, required: b.required === true }, 'response', location);
    else {
      if ((b.required === true) !== (a.required === true)) sink.add({ subject: 'header-required', header, after: a.required === true }, 'response', location);
      sink.addSchema(ctx.schemas.diff(b.schema, a.schema, 'response'), 'response', location);
    }
  }
}
