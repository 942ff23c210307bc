/**
 * Security requirements of one operation (https://spec.openapis.org/oas/v3.1.0#security-requirement-object).
 * The effective requirement is the operation's `security`, else the document's; an empty list (or an
 * empty object in it) means "no authentication" and is kept as its own alternative, so that making a
 * public operation authenticated is seen as removing the unauthenticated alternative.
 */
import { asArray, asObject, asString, type JsonObject } from '@retell-kit/openapi-core';
import type { OperationModel } from '../model/operations.js';
import type { ChangeSink, DiffContext } from './context.js';

const NONE = '(none)';

export function diffSecurity(ctx: DiffContext, base: OperationModel, head: OperationModel, sink: ChangeSink): void {
  const before = alternatives(base.node, ctx.base.root);
  const after = alternatives(head.node, ctx.head.root);
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(key);
    const a = after.get(key);
    if (b === undefined) sink.add({ subject: 'security-alternative-added', schemes: key }, 'request', 'security');
    else if (a === undefined) sink.add({ subject: 'security-alternative-removed', schemes: key }, 'request', 'security');
    else {
      for (const scheme of [...a.keys()].sort()) {
        const scopesBefore = b.get(scheme) ?? [];
        const scopesAfter = a.get(scheme) ?? [];
        const added = scopesAfter.filter((s) => !scopesBefore.includes(s));
        const removed = scopesBefore.filter((s) => !scopesAfter.includes(s));
        if (added.length > 0 || removed.length > 0) sink.add({ subject: 'security-scopes', scheme, added, removed }, 'request', `security.${scheme}`);
      }
    }
  }
}

/** Alternatives keyed by their sorted scheme names (`a+b`), each with its scopes per scheme. */
function alternatives(operation: JsonObject, root: JsonObject): Map<string, Map<string, string[]>> {
  const requirement = Array.isArray(operation.security) ? asArray(operation.security) : asArray(root.security);
  const out = new Map<string, Map<string, string[]>>();
  if (requirement.length === 0) out.set(NONE, new Map());
  for (const raw of requirement) {
    const object = asObject(raw) ?? {};
    const schemes = Object.keys(object).sort();
    const scopes = new Map(schemes.map((s) => [s, asArray(object[s]).map((v) => asString(v) ?? '').sort()]));
    out.set(schemes.length === 0 ? NONE : schemes.join('+'), scopes);
  }
  return out;
}
