/**
 * Turns ajv's error list into the one message a user needs. ajv reports every failed branch of a
 * `oneOf`/`anyOf`: for `response_engine: { type: 'retell-llm' }` without `llm_id` it also says the value
 * is not a `custom-llm` or `conversation-flow` engine. Branches that fail on a `const`/`enum` tag are the
 * ones the user did not mean, so they are dropped; of what is left, the deepest field wins. When every
 * branch was rejected by its tag, the tag itself is the problem and the message lists the allowed tags.
 */
import type { ValidationIssue } from './ajv.js';

const COMPOSITE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else']);
const SYNTAX = new Set(['type', 'format', 'pattern']);

export interface Explained {
  /** 400 for a wrong type, format or pattern; 422 for a well-formed value the schema does not allow. */
  readonly status: 400 | 422;
  readonly field: string;
  readonly message: string;
}

/** The schema path of the innermost union branch an issue belongs to (`#/oneOf/1`), or `''`. */
function branchOf(schemaPath: string): string {
  const match = /^(.*\/(?:oneOf|anyOf)\/\d+)\//.exec(schemaPath);
  return match ? match[1]! : '';
}

function depth(field: string): number {
  return field.split(/[.[]/).length;
}

export function explain(issues: readonly ValidationIssue[]): Explained | undefined {
  const leaves = issues.filter((i) => !COMPOSITE.has(i.keyword));
  if (leaves.length === 0) {
    const first = issues[0];
    return first && { status: 422, field: first.field, message: first.message };
  }
  const rejected = new Set(leaves.filter((i) => (i.keyword === 'const' || i.keyword === 'enum') && branchOf(i.schemaPath) !== '').map((i) => branchOf(i.schemaPath)));
  const kept = leaves.filter((i) => !rejected.has(branchOf(i.schemaPath)));
  if (kept.length === 0) {
    // Every branch rejected the value by its tag: name the tag field and every value it may take.
    const tag = leaves.filter((i) => i.allowed).sort((a, b) => depth(a.field) - depth(b.field))[0]!;
    const allowed = [...new Set(leaves.filter((i) => i.field === tag.field).flatMap((i) => i.allowed ?? []))];
    return { status: 422, field: tag.field, message: `${tag.field} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  const best = [...kept].sort((a, b) => depth(b.field) - depth(a.field))[0]!;
  return { status: SYNTAX.has(best.keyword) ? 400 : 422, field: best.field, message: best.message };
}
