/**
 * `operations/<group>.ts`: the per-operation functions, one file per facade resource (or tag), so a
 * bundler keeps only the functions an app imports and no file grows past what an editor handles well.
 */
import type { StatementStructures } from 'ts-morph';
import { inStage } from '../../errors.js';
import { kebabCase } from '../../ir/naming.js';
import type { ApiModel, OperationModel } from '../../ir/types.js';
import { OUTPUT_DIRS, type StructureFile } from '../files.js';
import { emitOperation } from './function.js';

export function groupFileStem(group: string): string {
  return kebabCase(group) || 'default';
}

export function groupOperations(model: ApiModel): Map<string, OperationModel[]> {
  const groups = new Map<string, OperationModel[]>();
  for (const op of model.operations) {
    const stem = groupFileStem(op.group);
    const list = groups.get(stem) ?? [];
    list.push(op);
    groups.set(stem, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function emitOperations(model: ApiModel): StructureFile[] {
  const files: StructureFile[] = [];
  for (const [stem, ops] of groupOperations(model)) {
    const paginated = ops.some((o) => o.pagination);
    // Pagination and multipart encoding are imported only by the files that need them (tree-shaking).
    const styled = ops.some((o) => o.pathParams.some((p) => p.pathStyle));
    const values = [
      ...(ops.some((o) => o.body?.kind === 'multipart') ? ['multipartBody'] : []),
      ...(paginated ? ['requestPage'] : []),
      ...(styled ? ['expandPath'] : []),
    ];
    const types = ['APIPromise', ...(paginated ? ['PagePromise'] : []), 'OperationSpec', 'RequestClient', 'RequestOptions'];
    const statements: (string | StatementStructures)[] = [
      values.length > 0
        ? `import { ${[...values, ...types.map((t) => `type ${t}`)].join(', ')} } from '../../runtime/lean.js';`
        : `import type { ${types.join(', ')} } from '../../runtime/lean.js';`,
      "import type { paths } from '../schema.js';",
    ];
    for (const op of ops) statements.push(...inStage('emit', { part: 'operations', operation: op.operationId, pointer: op.pointer }, () => emitOperation(op)));
    files.push({ path: `${OUTPUT_DIRS.client}/operations/${stem}.ts`, structure: { statements } });
  }
  return files;
}
