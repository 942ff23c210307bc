/**
 * JSON types of a schema (without null, see schema-nullable). `integer` counts as a subset of `number`,
 * and "no type" as every type. Narrowing what the server accepts breaks senders; widening what it
 * returns breaks readers; a change that is neither is breaking both ways.
 */
import type { RuleId } from '../rules/catalog.js';
import { defineCheck, fire, typeText } from './check.js';

function covers(set: readonly string[] | null, type: string): boolean {
  return set === null || set.includes(type) || (type === 'integer' && set.includes('number'));
}

function contains(outer: readonly string[] | null, inner: readonly string[] | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((t) => covers(outer, t));
}

export const schemaType = defineCheck({
  name: 'schema-type',
  subjects: ['type'],
  rules: ['request-type-narrowed', 'request-type-widened', 'request-type-changed', 'response-type-narrowed', 'response-type-widened', 'response-type-changed'],
  run: (fact, change) => {
    const widened = contains(fact.after, fact.before);
    const narrowed = contains(fact.before, fact.after);
    const request = change.direction === 'request';
    let rule: RuleId;
    if (widened && !narrowed) rule = request ? 'request-type-widened' : 'response-type-widened';
    else if (narrowed && !widened) rule = request ? 'request-type-narrowed' : 'response-type-narrowed';
    else rule = request ? 'request-type-changed' : 'response-type-changed';
    return fire(rule, { before: typeText(fact.before), after: typeText(fact.after) });
  },
});
