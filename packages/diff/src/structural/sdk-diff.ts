/**
 * The generated facade's methods, compared as `sdkSurface` (@retell-kit/openapi-core) states them on each
 * side: the surface is computed by the same model the facade is emitted from, so what the facade changes
 * is what this sees. A method present on both sides may have moved to another route, changed its
 * positional arguments, or renamed its params or response type; methods appear, disappear, or move to
 * another name on the same operation (a rename breaks every caller even though the route is untouched).
 * The effect of request and response changes on params and response types is derived later, from the
 * findings (see checks/sdk-types.ts).
 */
import type { SurfaceMethod } from '@retell-kit/openapi-core';
import { normalizeTemplate } from '../model/operations.js';
import type { Change, Fact } from '../types.js';
import { ChangeSink, type DiffContext } from './context.js';

export function diffSdkSurface(ctx: DiffContext): Change[] {
  const before = new Map(ctx.base.surface.methods.map((m) => [m.id, m]));
  const after = new Map(ctx.head.surface.methods.map((m) => [m.id, m]));
  const out: Change[] = [];

  for (const [id, head] of after) {
    const base = before.get(id);
    if (base !== undefined) out.push(...compareMethod(base, head));
  }

  // A rename: on one operation served on both sides, exactly one method left and exactly one arrived.
  const renamedFrom = new Set<string>();
  const renamedTo = new Set<string>();
  const gone = groupByOperation([...before.values()].filter((m) => !after.has(m.id)));
  const come = groupByOperation([...after.values()].filter((m) => !before.has(m.id)));
  for (const [key, arrived] of come) {
    const left = gone.get(key) ?? [];
    if (left.length !== 1 || arrived.length !== 1) continue;
    const [from, to] = [left[0] as SurfaceMethod, arrived[0] as SurfaceMethod];
    renamedFrom.add(from.id);
    renamedTo.add(to.id);
    out.push(change(to, { subject: 'sdk-method-renamed', before: from.id, after: to.id }));
  }
  for (const [id, method] of before) {
    if (after.has(id) || renamedFrom.has(id)) continue;
    out.push(change(method, { subject: 'sdk-method-removed', sdk: id }));
  }
  for (const [id, method] of after) {
    if (before.has(id) || renamedTo.has(id)) continue;
    out.push(change(method, { subject: 'sdk-method-added', sdk: id }));
  }
  return out;
}

/** What can change about one method that both sides have. */
function compareMethod(base: SurfaceMethod, head: SurfaceMethod): Change[] {
  const sink = new ChangeSink({ method: head.verb, path: head.path });
  const at = `sdk.${head.id}`;
  if (operationKey(base) !== operationKey(head)) {
    sink.add({ subject: 'sdk-method-moved', sdk: head.id, before: base.route, after: head.route }, 'none', at);
  }
  if (positionalKey(base) !== positionalKey(head)) {
    sink.add({ subject: 'sdk-positional-changed', sdk: head.id, before: base.positional.join(', '), after: head.positional.join(', ') }, 'none', at);
  }
  if (base.paramsType !== null && head.paramsType !== null && base.paramsType !== head.paramsType) {
    sink.add({ subject: 'sdk-params-type-renamed', sdk: head.id, before: base.paramsType, after: head.paramsType }, 'none', at);
  }
  if (base.responseType !== head.responseType) {
    sink.add({ subject: 'sdk-response-type-renamed', sdk: head.id, before: base.responseType, after: head.responseType }, 'none', at);
  }
  return sink.changes;
}

/**
 * Positional arguments by their place in the path template, so renaming `{id}` to `{agent_id}` is no
 * change here (the operation diff reports the rename), while taking another parameter, or one more or
 * one fewer, is.
 */
function positionalKey(m: SurfaceMethod): string {
  const names = templateNames(m.path);
  return m.positional.map((name) => `#${names.indexOf(name)}`).join(',');
}

function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
}

/** How the operation-level diff keys an operation: `GET /get-agent/{}`. */
function operationKey(m: SurfaceMethod): string {
  return `${m.verb} ${normalizeTemplate(m.path)}`;
}

function groupByOperation(methods: readonly SurfaceMethod[]): Map<string, SurfaceMethod[]> {
  const out = new Map<string, SurfaceMethod[]>();
  for (const m of methods) out.set(operationKey(m), [...(out.get(operationKey(m)) ?? []), m]);
  return out;
}

function change(method: SurfaceMethod, fact: Fact): Change {
  const sink = new ChangeSink({ method: method.verb, path: method.path });
  sink.add(fact, 'none', `sdk.${method.id}`);
  return sink.changes[0] as Change;
}
