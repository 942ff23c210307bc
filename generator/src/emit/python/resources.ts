/**
 * One module per resource with four classes: `Agent` (sync), `AsyncAgent`, and their `...WithRawResponse`
 * twins, whose methods take the same arguments and return an `APIResponse` (status, headers, attempts,
 * round-trip time). Methods pass their arguments to the runtime's `request()` by wire name; omitted
 * arguments are `NOT_GIVEN` and never sent.
 */
import { docstring, pyStr } from './literals.js';
import type { PyArg, PyMethod, PyResource } from './methods.js';
import type { TypeRegistry } from './types.js';
import { importUsed } from './imports.js';

type Flavor = 'sync' | 'async';

const quoteT = (name: string): string => (name === 'FileTypes' ? 'FileTypes' : `_t.${name}`);

export function annotation(types: TypeRegistry, arg: PyArg, hint: string): string {
  return types.render(arg.type, hint, quoteT);
}

/** The return annotation of the plain method (the raw twin wraps it in `APIResponse[...]`). */
export function returnType(types: TypeRegistry, m: PyMethod, flavor: Flavor, raw: boolean): string {
  if (m.page && !raw) {
    const item = types.render(m.page.item, m.page.itemHint, quoteT);
    const pageT = quoteT(m.page.pageName);
    return flavor === 'sync' ? `SyncPage[${item}, ${pageT}]` : `AsyncPager[${item}, ${pageT}]`;
  }
  let data = 'None';
  if (m.responseKind === 'text') data = 'str';
  else if (m.response) data = m.response.name ? quoteT(m.response.name) : types.render(m.response.node, 'Response', quoteT);
  return raw ? `APIResponse[${data}]` : data;
}

function methodDoc(m: PyMethod): string {
  const op = m.op;
  const parts: string[] = [];
  if (op.summary) parts.push(op.summary);
  if (op.description && op.description !== op.summary) parts.push(op.description);
  const args = [...m.positional, ...m.keywords].filter((a) => a.description);
  if (args.length > 0) {
    parts.push(['Args:', ...args.map((a) => `  ${a.py}: ${a.description!.replace(/\s*\n\s*/g, ' ')}`)].join('\n'));
  }
  parts.push(`${op.method} ${op.path}`);
  return parts.join('\n\n');
}

function signature(types: TypeRegistry, m: PyMethod, flavor: Flavor, raw: boolean): string {
  const hint = m.paramsType ?? `${m.resource}_${m.name}`;
  const lines = ['self'];
  for (const a of m.positional) lines.push(`${a.py}: ${annotation(types, a, `${hint}${a.wire}`)}`);
  lines.push('*');
  for (const a of m.keywords) {
    const t = annotation(types, a, `${hint}${a.wire}`);
    lines.push(a.required ? `${a.py}: ${t}` : `${a.py}: ${t} | NotGiven = NOT_GIVEN`);
  }
  lines.push('extra_headers: Headers | None = None', 'extra_query: Query | None = None');
  if (m.op.body) lines.push('extra_body: Body | None = None');
  lines.push('timeout: Timeout | NotGiven = NOT_GIVEN', 'max_retries: int | NotGiven = NOT_GIVEN');
  const isAsyncDef = flavor === 'async' && !(m.page && !raw);
  const def = isAsyncDef ? 'async def' : 'def';
  return `    ${def} ${m.name}(\n${lines.map((l) => `        ${l},`).join('\n')}\n    ) -> ${returnType(types, m, flavor, raw)}:\n`;
}

function dict(args: readonly PyArg[]): string {
  if (args.length === 0) return '{}';
  return `{${args.map((a) => `${pyStr(a.wire)}: ${a.py}`).join(', ')}}`;
}

/** The keyword arguments of `request()` (also the stored request of a pager). */
function requestArgs(m: PyMethod): string[] {
  const all = [...m.positional, ...m.keywords];
  const path = all.filter((a) => a.where === 'path');
  const query = all.filter((a) => a.where === 'query');
  const body = all.filter((a) => a.where === 'body');
  const out: string[] = [];
  if (path.length > 0) out.push(`path=${dict(path)}`);
  if (query.length > 0) out.push(`query=${dict(query)}`);
  if (m.op.body) out.push(`body=${dict(body)}`);
  out.push('extra_headers=extra_headers', 'extra_query=extra_query');
  if (m.op.body) out.push('extra_body=extra_body');
  out.push('timeout=timeout', 'max_retries=max_retries');
  return out;
}

function body(types: TypeRegistry, m: PyMethod, flavor: Flavor, raw: boolean): string {
  const args = requestArgs(m);
  if (m.page && !raw) {
    const kwargs = `{${args.map((a) => { const [k, ...v] = a.split('='); return `${pyStr(k!)}: ${v.join('=')}`; }).join(', ')}}`;
    const t = returnType(types, m, flavor, raw);
    return flavor === 'sync'
      ? `        return ${t}.first(self._client, _ops.${m.opConst}, ${kwargs})\n`
      : `        return ${t}(self._client, _ops.${m.opConst}, ${kwargs})\n`;
  }
  const call = `self._client.request(\n            _ops.${m.opConst},\n${args.map((a) => `            ${a},`).join('\n')}${raw ? '\n            raw=True,' : ''}\n        )`;
  return `        return ${flavor === 'async' ? 'await ' : ''}${call}\n`;
}

function method(types: TypeRegistry, m: PyMethod, flavor: Flavor, raw: boolean): string {
  return signature(types, m, flavor, raw) + docstring(methodDoc(m), '        ') + body(types, m, flavor, raw);
}

function resourceClass(types: TypeRegistry, r: PyResource, flavor: Flavor, raw: boolean): string {
  const prefix = flavor === 'async' ? 'Async' : '';
  const name = `${prefix}${r.className}${raw ? 'WithRawResponse' : ''}`;
  const clientType = flavor === 'async' ? 'AsyncAPIClient' : 'SyncAPIClient';
  let text = `class ${name}:\n`;
  text += docstring(
    raw
      ? `\`client.${r.attr}\` methods returning \`APIResponse\` (status, headers, attempts, round-trip time) around the data.`
      : `The \`${r.attr}\` resource${flavor === 'async' ? ' (async)' : ''}: \`client.${r.attr}.<method>(...)\`.`,
    '    ',
  );
  text += `\n    def __init__(self, client: ${clientType}) -> None:\n        self._client = client\n`;
  if (!raw) {
    const rawName = `${prefix}${r.className}WithRawResponse`;
    text += `\n    @cached_property\n    def with_raw_response(self) -> ${rawName}:\n        """The same methods, returning \`APIResponse\` with status, headers, attempts and round-trip time."""\n        return ${rawName}(self._client)\n`;
    text += `\n    @property\n    def raw(self) -> ${rawName}:\n        """Alias of \`with_raw_response\`."""\n        return self.with_raw_response\n`;
  }
  for (const m of r.methods) text += `\n${method(types, m, flavor, raw)}`;
  return text;
}

const RUNTIME_NAMES = ['NOT_GIVEN', 'APIResponse', 'AsyncAPIClient', 'AsyncPager', 'Body', 'FileTypes', 'Headers', 'NotGiven', 'Query', 'SyncAPIClient', 'SyncPage', 'Timeout'];

export function resourceModule(types: TypeRegistry, r: PyResource, header: string): string {
  const classes = (['sync', 'async'] as const).flatMap((f) => [resourceClass(types, r, f, false), resourceClass(types, r, f, true)]).join('\n\n');
  const exported = ['', 'Async'].flatMap((p) => [`${p}${r.className}`, `${p}${r.className}WithRawResponse`]);
  const imports = [
    'from functools import cached_property\n',
    importUsed('typing', ['Dict', 'List', 'Literal', 'Union'], classes),
    '\n',
    importUsed('..._runtime', RUNTIME_NAMES, classes),
    'from .. import operations as _ops\n',
    /\b_t\./.test(classes) ? 'from .. import types as _t\n' : '',
  ].join('');
  return [
    header,
    `"""The \`${r.attr}\` resource, sync and async."""`,
    '',
    'from __future__ import annotations',
    '',
    imports,
    `__all__ = [${exported.map(pyStr).join(', ')}]`,
    '',
    '',
    classes,
  ].join('\n');
}
