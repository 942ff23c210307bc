/**
 * The generated facade's method list, from `x-sdk` (architecture.md): methods that appear, disappear, or
 * move to another name on the same operation (a rename breaks every caller even though the HTTP route
 * is untouched). The effect of request and response changes on params and response types is derived
 * later, from the findings (see checks/sdk-types.ts).
 */
import { sdkName, type OperationModel } from '../model/operations.js';
import type { Change } from '../types.js';
import { ChangeSink, refOf, type DiffContext } from './context.js';

export function diffSdkSurface(ctx: DiffContext): Change[] {
  const before = methodIndex(ctx.base.operations);
  const after = methodIndex(ctx.head.operations);
  const out: Change[] = [];
  const renamedFrom = new Set<string>();
  const renamedTo = new Set<string>();

  // A rename: on one operation present on both sides, exactly one method left and exactly one arrived.
  for (const [key, head] of ctx.head.operations) {
    const base = ctx.base.operations.get(key);
    if (base === undefined) continue;
    const gone = base.sdk.map(sdkName).filter((m) => !after.has(m));
    const come = head.sdk.map(sdkName).filter((m) => !before.has(m));
    if (gone.length === 1 && come.length === 1) {
      const [from, to] = [gone[0] as string, come[0] as string];
      renamedFrom.add(from);
      renamedTo.add(to);
      const sink = new ChangeSink(refOf(head));
      sink.add({ subject: 'sdk-method-renamed', before: from, after: to }, 'none', `sdk.${to}`);
      out.push(...sink.changes);
    }
  }
  for (const [name, operation] of [...before].sort(([a], [b]) => a.localeCompare(b))) {
    if (after.has(name) || renamedFrom.has(name)) continue;
    const sink = new ChangeSink(refOf(operation));
    sink.add({ subject: 'sdk-method-removed', sdk: name }, 'none', `sdk.${name}`);
    out.push(...sink.changes);
  }
  for (const [name, operation] of [...after].sort(([a], [b]) => a.localeCompare(b))) {
    if (before.has(name) || renamedTo.has(name)) continue;
    const sink = new ChangeSink(refOf(operation));
    sink.add({ subject: 'sdk-method-added', sdk: name }, 'none', `sdk.${name}`);
    out.push(...sink.changes);
  }
  return out;
}

function methodIndex(operations: ReadonlyMap<string, OperationModel>): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>();
  for (const operation of operations.values()) for (const method of operation.sdk) out.set(sdkName(method), operation);
  return out;
}
