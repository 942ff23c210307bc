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

function codeFor(problem: { ruleId: string; message: string }): string {
  if (problem.ruleId === 'bundler') {
    if (problem.message.startsWith('Failed to parse')) return 'invalid-yaml';
    if (problem.message.startsWith("Can't resolve $ref")) return 'dangling-ref';
    return 'bundle';
  }
  return problem.ruleId === 'struct' ? 'invalid-structure' : problem.ruleId;
}

/** A problem reduced to plain data (what a validation worker thread sends back). */
export interface PlainProblem {
  readonly message: string;
  readonly ruleId: string;
  readonly severity: 'error' | 'warn';
  readonly ignored: boolean;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly col?: number;
}

export function toPlain(problem: NormalizedProblem): PlainProblem {
  const loc = problem.location[0];
  const start = loc && 'start' in loc && loc.start ? loc.start : undefined;
  return {
    message: problem.message,
    ruleId: problem.ruleId,
    severity: problem.severity,
    ignored: problem.ignored === true,
    ...(loc ? { file: loc.source.absoluteRef } : {}),
    ...(loc && loc.pointer !== undefined ? { pointer: loc.pointer } : {}),
    ...(start ? { line: start.line, col: start.col } : {}),
  };
}

export function plainToSpecError(problem: PlainProblem): SpecError {
  const message = problem.pointer === undefined && problem.line !== undefined ? `${problem.message} (line ${problem.line}, column ${problem.col ?? 0})` : problem.message;
  return new SpecError(codeFor(problem), message, problem.file ? displayPath(problem.file) : undefined, problem.pointer);
}

export function toSpecError(problem: NormalizedProblem): SpecError {
  return plainToSpecError(toPlain(problem));
}

/** Only errors stop generation; warnings are the linter's business (`pnpm lint`). */
export function errorsOf(problems: readonly (NormalizedProblem | PlainProblem)[]): SpecError[] {
  return problems
    .filter((p) => p.severity === 'error' && !p.ignored)
    .map((p) => ('location' in p ? toSpecError(p) : plainToSpecError(p)));
}
