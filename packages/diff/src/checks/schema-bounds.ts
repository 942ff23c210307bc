/**
 * Numeric bounds: maxLength/minLength, maximum/minimum, maxItems/minItems. An absent maximum is +∞ and
 * an absent minimum is 0 (lengths, counts) or −∞ (values), so adding a bound is a decrease/increase.
 */
import type { RuleId } from '../rules/catalog.js';
import type { BoundKeyword } from '../types.js';
import { defineCheck, fire } from './check.js';

const SLUG: Record<BoundKeyword, string> = {
  maxLength: 'max-length',
  minLength: 'min-length',
  maximum: 'maximum',
  minimum: 'minimum',
  maxItems: 'max-items',
  minItems: 'min-items',
};

const RULES = [
  'request-max-length-decreased',
  'request-max-length-increased',
  'request-min-length-increased',
  'request-min-length-decreased',
  'request-maximum-decreased',
  'request-maximum-increased',
  'request-minimum-increased',
  'request-minimum-decreased',
  'request-max-items-decreased',
  'request-max-items-increased',
  'request-min-items-increased',
  'request-min-items-decreased',
  'response-max-length-decreased',
  'response-max-length-increased',
  'response-min-length-increased',
  'response-min-length-decreased',
  'response-maximum-decreased',
  'response-maximum-increased',
  'response-minimum-increased',
  'response-minimum-decreased',
  'response-max-items-decreased',
  'response-max-items-increased',
  'response-min-items-increased',
  'response-min-items-decreased',
] as const satisfies readonly RuleId[];

function isRule(id: string): id is (typeof RULES)[number] {
  return (RULES as readonly string[]).includes(id);
}

export const schemaBounds = defineCheck({
  name: 'schema-bounds',
  subjects: ['bound'],
  rules: RULES,
  run: (fact, change) => {
    const isMax = fact.keyword.startsWith('max');
    const unbounded = isMax ? Infinity : fact.keyword === 'minimum' ? -Infinity : 0;
    const before = fact.before ?? unbounded;
    const after = fact.after ?? unbounded;
    if (before === after) return [];
    const id = `${change.direction}-${SLUG[fact.keyword]}-${after > before ? 'increased' : 'decreased'}`;
    if (!isRule(id)) return [];
    return fire(id, { before: fact.before === undefined ? 'none' : String(fact.before), after: fact.after === undefined ? 'none' : String(fact.after) });
  },
});
