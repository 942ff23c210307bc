/**
 * Top of the structural diff: matches operations by method and parameter-blind path template, then
 * compares each matched pair part by part. Output order follows the sorted operation keys, so it does
 * not depend on the key order of either document.
 */
import { asString } from '@retell-kit/openapi-core';
import type { OperationModel } from '../model/operations.js';
import type { Change } from '../types.js';
import { ChangeSink, refOf, type DiffContext } from './context.js';
import { diffParameters, diffWebhookParameters } from './parameters-diff.js';
import { diffRequestBody, diffWebhookPayload } from './request-body-diff.js';
import { diffResponses } from './responses-diff.js';
import { diffSdkSurface } from './sdk-diff.js';
import { diffSecurity } from './security-diff.js';
import { diffSecuritySchemes } from './security-schemes-diff.js';
import { diffServers } from './servers-diff.js';
import { diffTypeNames } from './type-names-diff.js';

export function diffOperations(ctx: DiffContext): Change[] {
  const document = new ChangeSink(null);
  diffServers(ctx.base.root.servers, ctx.head.root.servers, document, 'servers');
  const out: Change[] = [...document.changes, ...diffSecuritySchemes(ctx)];
  const keys = [...new Set([...ctx.base.operations.keys(), ...ctx.head.operations.keys()])].sort();
  for (const key of keys) {
    const base = ctx.base.operations.get(key);
    const head = ctx.head.operations.get(key);
    const shown = (head ?? base) as OperationModel;
    const sink = new ChangeSink(refOf(shown));
    if (base === undefined) sink.add({ subject: 'operation-added' }, 'none', '');
    else if (head === undefined) sink.add({ subject: 'operation-removed' }, 'none', '');
    else diffOperation(ctx, base, head, sink);
    out.push(...sink.changes);
  }
  out.push(...diffSdkSurface(ctx), ...diffTypeNames(ctx));
  return out;
}

function diffOperation(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  if (base.path !== head.path) sink.add({ subject: 'path-param-names', before: base.path, after: head.path }, 'none', '');
  const deprecated = head.node.deprecated === true;
  if ((base.node.deprecated === true) !== deprecated) sink.add({ subject: 'operation-deprecated', after: deprecated }, 'none', '');
  const idBefore = asString(base.node.operationId);
  const idAfter = asString(head.node.operationId);
  if (idBefore !== undefined && idAfter !== undefined && idBefore !== idAfter) sink.add({ subject: 'operation-id', before: idBefore, after: idAfter }, 'none', '');
  for (const field of ['summary', 'description'] as const) {
    if (asString(base.node[field]) !== asString(head.node[field])) sink.add({ subject: 'operation-docs', field }, 'none', '');
  }
  if (base.node.servers !== undefined || head.node.servers !== undefined) diffServers(base.node.servers, head.node.servers, sink, 'servers');
  if (base.webhook || head.webhook) {
    diffWebhookParameters(ctx, base, head, sink);
    diffWebhookPayload(ctx, base, head, sink);
    return;
  }
  diffSecurity(ctx, base, head, sink);
  diffParameters(ctx, base, head, sink);
  diffRequestBody(ctx, base, head, sink);
  diffResponses(ctx, base, head, sink);
}
