/**
 * Request body of one operation (https://spec.openapis.org/oas/v3.1.0#request-body-object): presence,
 * `required` (default false), and its content.
 */
import { asObject } from '@retell-kit/openapi-core';
import type { OperationModel } from '../model/operations.js';
import type { ChangeSink, DiffContext } from './context.js';
import { diffContent } from './content-diff.js';

export function diffRequestBody(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const before = ctx.base.resolver.resolve(base.node.requestBody).node;
  const after = ctx.head.resolver.resolve(head.node.requestBody).node;
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    sink.add({ subject: 'request-body-added', required: after?.required === true }, 'request', 'body');
    return;
  }
  if (after === undefined) {
    sink.add({ subject: 'request-body-removed' }, 'request', 'body');
    return;
  }
  if ((before.required === true) !== (after.required === true)) sink.add({ subject: 'request-body-required', after: after.required === true }, 'request', 'body');
  diffContent(ctx, asObject(before.content), asObject(after.content), 'request', '', sink);
}

/**
 * A webhook's request body is sent by Retell and parsed by our users' handlers, so its schema is
 * compared in the response direction (a removed payload field breaks the handler that reads it).
 */
export function diffWebhookPayload(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const before = ctx.base.resolver.resolve(base.node.requestBody).node;
  const after = ctx.head.resolver.resolve(head.node.requestBody).node;
  diffContent(ctx, asObject(before?.content), asObject(after?.content), 'response', '', sink);
}
