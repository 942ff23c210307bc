/**
 * Type expressions that point into openapi-typescript's `paths` interface for one operation. Reusing
 * its types (instead of printing our own) keeps one source of truth for every request and response shape.
 */
import type { OperationModel, ParamModel } from '../ir/types.js';
import { tsString } from './escape.js';

export function operationType(op: OperationModel): string {
  return `paths[${tsString(op.path)}][${tsString(op.method.toLowerCase())}]`;
}

export function queryType(op: OperationModel): string {
  return `NonNullable<${operationType(op)}['parameters']['query']>`;
}

/** A path param's type: its primitive when plain, else the exact type from `paths` (enums, formats). */
export function pathParamType(op: OperationModel, param: ParamModel, prefix = ''): string {
  if (param.primitive) return param.primitive;
  return `${prefix}${operationType(op)}['parameters']['path'][${tsString(param.name)}]`;
}

export function bodyType(op: OperationModel): string {
  const body = op.body!;
  return `NonNullable<${operationType(op)}['requestBody']>['content'][${tsString(body.mediaType)}]`;
}

export function responseType(op: OperationModel): string {
  const success = op.success;
  if (!success || success.kind === 'empty' || !success.mediaType) return 'void';
  return `${operationType(op)}['responses'][${tsString(success.status)}]['content'][${tsString(success.mediaType)}]`;
}

/** A JSDoc text block from summary/description, deprecated flag and the HTTP route; raw text, escaped by `docText` where it is printed. */
export function operationDoc(op: OperationModel): string {
  const lines: string[] = [];
  const summary = op.summary?.trim();
  const description = op.description?.trim();
  if (summary) lines.push(summary);
  if (description && description !== summary) lines.push('', description);
  if (lines.length > 0) lines.push('');
  lines.push(`\`${op.method} ${op.path}\``);
  if (op.deprecated) lines.push('', '@deprecated');
  return lines.join('\n');
}
