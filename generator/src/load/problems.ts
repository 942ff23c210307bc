/**
 * Turns Redocly's problems (bundler and lint) into our located `SpecError`s.
 * Redocly reports locations as `{ source.absoluteRef, pointer }` or as line/column for parse errors.
 */
import path from 'node:path';
import type { NormalizedProblem } from '@redocly/openapi-core';
import { SpecError } from '../errors.js';

/** Paths in messages are relative to the working directory: short, and free of machine prefixes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function codeFor(problem: NormalizedProblem): string {
  if (problem.ruleId === 'bundler') {
    if (problem.message.startsWith('Failed to parse')) return 'invalid-yaml';
    if (problem.message.startsWith("Can't resolve $ref")) return 'dangling-ref';
    return 'bundle';
  }
  return problem.ruleId === 'struct' ? 'invalid-structure' : problem.ruleId;
}

export function toSpecError(problem: NormalizedProblem): SpecError {
  const loc = problem.location[0];
  const file = loc ? displayPath(loc.source.absoluteRef) : undefined;
  let pointer: string | undefined;
  let message = problem.message;
  if (loc && loc.pointer !== undefined) pointer = loc.pointer;
  else if (loc && 'start' in loc && loc.start) message += ` (line ${loc.start.line}, column ${loc.start.col})`;
  return new SpecError(codeFor(problem), message, file, pointer);
}

/** Only errors stop generation; warnings are the linter's business (`pnpm lint`). */
export function errorsOf(problems: readonly NormalizedProblem[]): SpecError[] {
  return problems.filter((p) => p.severity === 'error' && !p.ignored).map(toSpecError);
}
