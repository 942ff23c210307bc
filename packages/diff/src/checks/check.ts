/**
 * A check turns one kind of structural fact into rule firings. Each check lives in its own file, names
 * the facts it reads and the rules it may fire (the catalog test holds it to that list), and decides
 * only the rule id and message parameters: level, direction and bump come from the catalog.
 */
import type { RuleId } from '../rules/catalog.js';
import type { Change, Fact, Subject } from '../types.js';

export interface Emission {
  readonly rule: RuleId;
  readonly params: Readonly<Record<string, string>>;
}

export interface Check {
  readonly name: string;
  readonly subjects: readonly Subject[];
  readonly rules: readonly RuleId[];
  run(change: Change): Emission[];
}

type FactOf<S extends Subject> = Extract<Fact, { subject: S }>;

export function defineCheck<S extends Subject>(spec: {
  name: string;
  subjects: readonly S[];
  rules: readonly RuleId[];
  run(fact: FactOf<S>, change: Change): Emission[];
}): Check {
  const subjects: readonly Subject[] = spec.subjects;
  return {
    name: spec.name,
    subjects,
    rules: spec.rules,
    run(change) {
      // The engine only routes facts of the declared subjects here; the cast restates that.
      return subjects.includes(change.fact.subject) ? spec.run(change.fact as FactOf<S>, change) : [];
    },
  };
}

export function fire(rule: RuleId, params: Readonly<Record<string, string>> = {}): Emission[] {
  return [{ rule, params }];
}

/** Picks the request or the response variant of a schema rule by the direction of the change. */
export function byDirection(change: Change, request: RuleId, response: RuleId): RuleId {
  return change.direction === 'request' ? request : response;
}

export function quoteList(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

export function typeText(types: readonly string[] | null): string {
  return types === null ? 'any' : types.length === 0 ? 'nothing' : types.join(' | ');
}
