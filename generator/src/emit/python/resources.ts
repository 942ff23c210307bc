/**
 * One module per resource, laid out as the official SDK's: `AgentResource` (sync) and `AsyncAgentResource`
 * whose methods are written once, and four small classes that wrap those methods for
 * `with_raw_response` (`to_raw_response_wrapper`) and `with_streaming_response`
 * (`to_streamed_response_wrapper`). Methods pass their arguments to the runtime's `request()` by wire name
 * through `fields(...)`, which leaves out omitted (`NOT_GIVEN`) arguments; the response is viewed through its
 * model (`cast=`).
 */
import { docstring, pyStr } from './literals.js';
import type { PyArg, PyMethod, PyResource } from './methods.js';
import type { TypeRegistry } from './types.js';
import { importUsed } from './imports.js';
import { isPyIdentifier } from './naming.js';
import { wrapText } from './wrap.js';

type Flavor = 'sync' | 'async';

export interface PyTypes {
  readonly params: TypeRegistry;
  readonly models: TypeRegistry;
}

const qParam = (name: string): string => (name === 'FileTypes' ? 'FileTypes' : `_p.${name}`);
const qModel = (name: string): string => `_m.${name}`;

export function resourceClassName(r: PyResource, flavor: Flavor, wrapper = ''): string {
  return `${flavor === 'async' ? 'Async' : ''}${r.className}Resource${wrapper}`;
}

export function annotation(types: PyTypes, arg: PyArg, hint: string): string {
  return types.params.render(arg.type, hint, qParam);
}

/** The return annotation of a method (`quote` writes model names: `_m.X` in code, `X` in docs). */
export function returnType(types: PyTypes, m: PyMethod, quote: (name: string) => string = qModel): string {
  if (m.responseKind === 'text') return 'str';
  if (!m.response) return 'None';
  return m.response.name ? quote(m.response.name) : types.models.render(m.response.node, 'Response', quote);
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
  return wrapText(parts.join('\n\n'), 104);
}

function signature(types: PyTypes, m: PyMethod, flavor: Flavor): string {
  const hint = m.paramsType ?? `${m.resource}_${m.name}`;
  const lines = ['self'];
  for (const a of m.positional) lines.push(`${a.py}: ${annotation(types, a, `${hint}${a.wire}`)}`);
  lines.push('*');
  for (const a of m.keywords) {
    const t = annotation(types, a, `${hint}${a.wire}`);
    lines.push(a.required ? `${a.py}: ${t}` : `${a.py}: ${t} | NotGiven = NOT_GIVEN`);
  }
  lines.push(
    '# Extra values for this request only (not in the spec), and its timeout.',
    'extra_headers: Headers | None = None',
    'extra_query: Query | None = None',
    'extra_body: Body | None = None',
    'timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN',
  );
  const def = flavor === 'async' ? 'async def' : 'def';
  const rendered = lines.map((l) => (l.startsWith('#') ? `        ${l}` : `        ${l},`)).join('\n');
  return `    ${def} ${m.name}(\n${rendered}\n    ) -> ${returnType(types, m)}:\n`;
}

/** `fields(a=a, b=b)`: keyword arguments by wire name; wire names that are not identifiers go through `**{}`. */
function fieldsCall(args: readonly PyArg[], indent: string): string {
  const named = args.filter((a) => isPyIdentifier(a.wire) && a.wire !== 'self');
  const other = args.filter((a) => !named.includes(a));
  const inner = `${indent}    `;
  const lines = named.map((a) => `${inner}${a.wire}=${a.py},`);
  if (other.length > 0) lines.push(`${inner}**{${other.map((a) => `${pyStr(a.wire)}: ${a.py}`).join(', ')}},`);
  return `fields(\n${lines.join('\n')}\n${indent})`;
}

function body(types: PyTypes, m: PyMethod, flavor: Flavor): string {
  let out = '';
  for (const a of m.positional) {
    out += `        if not ${a.py}:\n`;
    out += `            raise ValueError(f"Expected a non-empty value for \`${a.py}\` but received {${a.py}!r}")\n`;
  }
  const all = [...m.positional, ...m.keywords];
  const path = all.filter((a) => a.where === 'path');
  const query = all.filter((a) => a.where === 'query');
  const bodyArgs = all.filter((a) => a.where === 'body');
  const args: string[] = [`_ops.${m.opConst}`];
  const ind = '            ';
  if (path.length > 0) args.push(`path={${path.map((a) => `${pyStr(a.wire)}: ${a.py}`).join(', ')}}`);
  if (query.length > 0) args.push(`query=${fieldsCall(query, ind)}`);
  if (m.op.body) args.push(`body=${bodyArgs.length > 0 ? fieldsCall(bodyArgs, ind) : '{}'}`);
  if (m.response) {
    const named = m.response.name && m.response.node.kind === 'object';
    const cast = named ? qModel(m.response.name!) : types.models.conv(m.response.node, new Set(), qModel);
    if (cast) args.push(`cast=${cast}`);
  }
  args.push('extra_headers=extra_headers', 'extra_query=extra_query', 'extra_body=extra_body', 'timeout=timeout');
  out += `        return ${flavor === 'async' ? 'await ' : ''}self._client.request(\n${args.map((a) => `${ind}${a},`).join('\n')}\n        )\n`;
  return out;
}

function method(types: PyTypes, m: PyMethod, flavor: Flavor): string {
  return signature(types, m, flavor) + docstring(methodDoc(m), '        ') + body(types, m, flavor);
}

function resourceClass(types: PyTypes, r: PyResource, flavor: Flavor): string {
  const name = resourceClassName(r, flavor);
  const rawName = resourceClassName(r, flavor, 'WithRawResponse');
  const streamName = resourceClassName(r, flavor, 'WithStreamingResponse');
  let text = `class ${name}(${flavor === 'async' ? 'AsyncAPIResource' : 'SyncAPIResource'}):\n`;
  text += docstring(`The \`${r.attr}\` resource${flavor === 'async' ? ' (async)' : ''}: \`client.${r.attr}.<method>(...)\`.`, '    ');
  text += '\n    @cached_property\n';
  text += `    def with_raw_response(self) -> ${rawName}:\n`;
  text += '        """The same methods, returning the `APIResponse` (status, headers, `parse()`) instead of the model."""\n';
  text += `        return ${rawName}(self)\n`;
  text += '\n    @cached_property\n';
  text += `    def with_streaming_response(self) -> ${streamName}:\n`;
  text += '        """The same methods, returning a context manager around the unread response (`read`, `iter_lines`...)."""\n';
  text += `        return ${streamName}(self)\n`;
  text += '\n    @property\n';
  text += `    def raw(self) -> ${rawName}:\n`;
  text += '        """Alias of `with_raw_response`."""\n';
  text += '        return self.with_raw_response\n';
  for (const m of r.methods) text += `\n${method(types, m, flavor)}`;
  return text;
}

function wrapperClass(r: PyResource, flavor: Flavor, kind: 'raw' | 'stream'): string {
  const wrapper = kind === 'raw' ? 'WithRawResponse' : 'WithStreamingResponse';
  const fn = `${flavor === 'async' ? 'async_' : ''}${kind === 'raw' ? 'to_raw_response_wrapper' : 'to_streamed_response_wrapper'}`;
  const resource = resourceClassName(r, flavor);
  let text = `class ${resourceClassName(r, flavor, wrapper)}:\n`;
  text += `    def __init__(self, ${r.attr}: ${resource}) -> None:\n`;
  text += `        self._${r.attr} = ${r.attr}\n`;
  for (const m of r.methods) text += `\n        self.${m.name} = ${fn}(\n            ${r.attr}.${m.name},\n        )\n`;
  return text;
}

const RUNTIME_NAMES = [
  'NOT_GIVEN', 'AsyncAPIResource', 'Body', 'FileTypes', 'Headers', 'NotGiven', 'Query', 'SyncAPIResource', 'fields',
  'list_of', 'dict_of', 'union_of', 'to_raw_response_wrapper', 'to_streamed_response_wrapper',
  'async_to_raw_response_wrapper', 'async_to_streamed_response_wrapper',
];

export function resourceModule(types: PyTypes, r: PyResource, header: string): string {
  const classes = (['sync', 'async'] as const)
    .flatMap((f) => [resourceClass(types, r, f), wrapperClass(r, f, 'raw'), wrapperClass(r, f, 'stream')])
    .join('\n\n');
  const exported = (['sync', 'async'] as const).flatMap((f) =>
    ['', 'WithRawResponse', 'WithStreamingResponse'].map((w) => resourceClassName(r, f, w)),
  );
  const code = classes.replace(/"""[\s\S]*?"""/g, '');
  const imports = [
    'from functools import cached_property\n',
    importUsed('typing', ['Dict', 'List', 'Optional', 'Union', ...(/\b_p\./.test(code) ? ['TYPE_CHECKING'] : [])], `${classes} TYPE_CHECKING`),
    importUsed('typing_extensions', ['Literal'], classes),
    '\nimport httpx\n\n',
    importUsed('..._runtime', RUNTIME_NAMES, classes),
    'from .. import operations as _ops\n',
    /\b_m\./.test(code) ? 'from .. import models as _m\n' : '',
    /\b_p\./.test(code) ? '\nif TYPE_CHECKING:\n    from .. import params as _p\n' : '',
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
