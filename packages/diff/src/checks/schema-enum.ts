/**
 * Enums (and `const`, a one-value enum). A removed value breaks senders; a new value in a response is
 * outside the generated literal union (breaking for typed clients). An enum whose every value changed
 * (a renamed const, a new vocabulary) is one replacement, not a list of additions plus removals.
 */
import { byDirection, defineCheck, fire, type Emission } from './check.js';

export const schemaEnum = defineCheck({
  name: 'schema-enum',
  subjects: ['enum'],
  rules: [
    'request-enum-value-added',
    'request-enum-value-removed',
    'request-enum-values-replaced',
    'request-enum-constraint-added',
    'request-enum-constraint-removed',
    'response-enum-value-added',
    'response-enum-value-removed',
    'response-enum-values-replaced',
    'response-enum-constraint-added',
    'response-enum-constraint-removed',
  ],
  run: (fact, change) => {
    if (fact.before === null && fact.after !== null) {
      return fire(byDirection(change, 'request-enum-constraint-added', 'response-enum-constraint-added'), { values: fact.after.join(', ') });
    }
    if (fact.after === null && fact.before !== null) {
      return fire(byDirection(change, 'request-enum-constraint-removed', 'response-enum-constraint-removed'), { values: fact.before.join(', ') });
    }
    const before = fact.before ?? [];
    const after = fact.after ?? [];
    const added = after.filter((v) => !before.includes(v));
    const removed = before.filter((v) => !after.includes(v));
    if (before.length > 0 && after.length > 0 && added.length === after.length && removed.length === before.length) {
      return fire(byDirection(change, 'request-enum-values-replaced', 'response-enum-values-replaced'), { before: before.join(', '), after: after.join(', ') });
    }
    const out: Emission[] = [];
    if (removed.length > 0) out.push(...fire(byDirection(change, 'request-enum-value-removed', 'response-enum-value-removed'), { values: removed.join(', ') }));
    if (added.length > 0) out.push(...fire(byDirection(change, 'request-enum-value-added', 'response-enum-value-added'), { values: added.join(', ') }));
    return out;
  },
});
