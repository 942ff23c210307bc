/**
 * `components.securitySchemes` (https://spec.openapis.org/oas/v3.1.0#security-scheme-object): the
 * definitions behind the names that security requirements use. Compared per scheme name: type; apiKey
 * `in` and `name`; http `scheme`; oauth2 flows (presence, URLs, scopes); openIdConnect URL.
 */
import { asObject, asString, type JsonObject } from '@retell-kit/openapi-core';
import type { RefResolver } from '@retell-kit/openapi-core';
import type { OperationFact } from '../types.js';
import { ChangeSink, type DiffContext } from './context.js';

type SchemeFact = Extract<OperationFact, { subject: 'security-scheme' }>;

export function diffSecuritySchemes(ctx: DiffContext): ChangeSink['changes'] {
  const before = schemes(ctx.base.root, ctx.base.resolver);
  const after = schemes(ctx.head.root, ctx.head.resolver);
  const sink = new ChangeSink(null);
  const add = (scheme: string, change: SchemeFact['change'], detail: string): void =>
    sink.add({ subject: 'security-scheme', scheme, change, detail }, 'request', `securitySchemes.${scheme}`);
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(name);
    const a = after.get(name);
    if (b === undefined) add(name, 'added', `type ${asString(a?.type) ?? '?'}`);
    else if (a === undefined) add(name, 'removed', `type ${asString(b.type) ?? '?'}`);
    else {
      const { changed, extended } = compareScheme(b, a);
      if (changed.length > 0) add(name, 'changed', changed.join('; '));
      if (extended.length > 0) add(name, 'extended', extended.join('; '));
    }
  }
  return sink.changes;
}

function schemes(root: JsonObject, resolver: RefResolver): Map<string, JsonObject> {
  const raw = asObject(asObject(root.components)?.securitySchemes) ?? {};
  const out = new Map<string, JsonObject>();
  for (const name of Object.keys(raw)) {
    const node = resolver.resolve(raw[name]).node;
    if (node !== undefined) out.set(name, node);
  }
  return out;
}

function compareScheme(b: JsonObject, a: JsonObject): { changed: string[]; extended: string[] } {
  const changed: string[] = [];
  const extended: string[] = [];
  const field = (name: string, fold = (v: string) => v): void => {
    const x = asString(b[name]);
    const y = asString(a[name]);
    if ((x === undefined ? undefined : fold(x)) !== (y === undefined ? undefined : fold(y))) changed.push(`${name} \`${x ?? 'none'}\` → \`${y ?? 'none'}\``);
  };
  field('type');
  if (changed.length > 0) return { changed, extended };
  field('in');
  field('name', (v) => (asString(a.in) === 'header' ? v.toLowerCase() : v));
  field('scheme', (v) => v.toLowerCase());
  field('openIdConnectUrl');
  const flowsBefore = asObject(b.flows) ?? {};
  const flowsAfter = asObject(a.flows) ?? {};
  for (const flow of [...new Set([...Object.keys(flowsBefore), ...Object.keys(flowsAfter)])].sort()) {
    const fb = asObject(flowsBefore[flow]);
    const fa = asObject(flowsAfter[flow]);
    if (fb === undefined && fa !== undefined) extended.push(`flow \`${flow}\` added`);
    else if (fa === undefined && fb !== undefined) changed.push(`flow \`${flow}\` removed`);
    else if (fb !== undefined && fa !== undefined) {
      for (const url of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) {
        if (asString(fb[url]) !== asString(fa[url])) changed.push(`${flow}.${url} \`${asString(fb[url]) ?? 'none'}\` → \`${asString(fa[url]) ?? 'none'}\``);
      }
      const scopesBefore = Object.keys(asObject(fb.scopes) ?? {}).sort();
      const scopesAfter = Object.keys(asObject(fa.scopes) ?? {}).sort();
      const removed = scopesBefore.filter((s) => !scopesAfter.includes(s));
      const added = scopesAfter.filter((s) => !scopesBefore.includes(s));
      if (removed.length > 0) changed.push(`${flow} scopes removed: ${removed.map((s) => `\`${s}\``).join(', ')}`);
      if (added.length > 0) extended.push(`${flow} scopes added: ${added.map((s) => `\`${s}\``).join(', ')}`);
    }
  }
  return { changed, extended };
}
