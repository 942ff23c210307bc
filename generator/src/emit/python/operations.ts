/**
 * `operations.py`: one `Operation` per spec operation (method, path template, body encoding, response
 * kind, default timeout from `x-timeout-ms`, pagination from `x-pagination`), and `METHODS`, the table of
 * every facade method with its Python names and arguments, which tests and tools read.
 */
import type { TypeNode, TypeTree } from '../../ir/type-tree.js';
import { resolveRef } from '../../ir/type-tree.js';
import type { OperationModel } from '../../ir/types.js';
import { pyStr } from './literals.js';
import type { PyResource } from './methods.js';
import { constName } from './naming.js';

function operation(op: OperationModel): string {
  const args = [`operation_id=${pyStr(op.operationId)}`, `method=${pyStr(op.method)}`, `path=${pyStr(op.path)}`];
  if (op.body) args.push(`body=${pyStr(op.body.kind === 'multipart' ? 'multipart' : 'json')}`);
  const response = !op.success || op.success.kind === 'empty' ? 'empty' : op.success.kind === 'json' ? 'json' : 'text';
  if (response !== 'json') args.push(`response=${pyStr(response)}`);
  if (op.timeoutMs !== undefined) args.push(`timeout=${op.timeoutMs / 1000}`);
  const p = op.pagination;
  if (p) {
    args.push(
      `pagination=Pagination(location=${pyStr(p.in)}, limit_param=${pyStr(p.limitParam)}, cursor_param=${pyStr(p.cursorParam)}, ` +
        `items_field=${pyStr(p.itemsField)}, has_more_field=${pyStr(p.hasMoreField)}, next_cursor_field=${pyStr(p.nextCursorField)})`,
    );
  }
  return `${constName(op.fnName)} = Operation(\n${args.map((a) => `    ${a},`).join('\n')}\n)\n`;
}

/** A file field: binary, or an array of binary (sent as `name[]` parts). */
function isFileType(tree: TypeTree, type: TypeNode): boolean {
  const t = resolveRef(tree, type);
  if (t.kind === 'primitive') return t.type === 'binary';
  if (t.kind === 'array') return isFileType(tree, t.items);
  if (t.kind === 'union') return t.variants.some((v) => isFileType(tree, v));
  return false;
}

export function operationsModule(tree: TypeTree, operations: readonly OperationModel[], resources: readonly PyResource[], header: string): string {
  const rows = resources.flatMap((r) =>
    r.methods.map((m) => {
      const positional = m.positional.map((a) => pyStr(a.py));
      const keywords = m.keywords.map(
        (a) => `(${pyStr(a.py)}, ${pyStr(a.wire)}, ${pyStr(a.where)}, ${a.required ? 'True' : 'False'}, ${isFileType(tree, a.type) ? 'True' : 'False'})`,
      );
      return (
        `    MethodInfo(${pyStr(r.attr)}, ${pyStr(m.name)}, ${m.opConst}, ` +
        `(${positional.join(', ')}${positional.length === 1 ? ',' : ''}), ` +
        `(${keywords.join(', ')}${keywords.length === 1 ? ',' : ''})),`
      );
    }),
  );
  const usesPagination = operations.some((o) => o.pagination);
  return [
    header,
    '"""Every operation of the API as the runtime needs it, and the table of facade methods."""',
    '',
    'from typing import NamedTuple, Tuple',
    '',
    `from .._runtime import Operation${usesPagination ? ', Pagination' : ''}`,
    '',
    '',
    'class MethodInfo(NamedTuple):',
    '    """A facade method: `client.<resource>.<method>(*positional, **keywords)`."""',
    '',
    '    resource: str',
    '    method: str',
    '    operation: Operation',
    '    positional: Tuple[str, ...]',
    '    """Python names of the positional (path) arguments."""',
    '    keywords: Tuple[Tuple[str, str, str, bool, bool], ...]',
    '    """(python name, wire name, "path" | "query" | "body", required, is a file) of each keyword argument."""',
    '',
    '',
    operations.map(operation).join('\n'),
    '',
    'METHODS: Tuple[MethodInfo, ...] = (',
    ...rows,
    ')',
    '',
  ].join('\n');
}
