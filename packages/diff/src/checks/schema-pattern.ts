/** `pattern`: adding one rejects values that used to pass; changing one may. */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaPattern = defineCheck({
  name: 'schema-pattern',
  subjects: ['pattern'],
  rules: ['request-pattern-added', 'request-pattern-changed', 'request-pattern-removed', 'response-pattern-added', 'response-pattern-changed', 'response-pattern-removed'],
  run: (fact, change) => {
    const params = { before: fact.before ?? '', after: fact.after ?? '' };
    if (fact.before === undefined) return fire(byDirection(change, 'request-pattern-added', 'response-pattern-added'), params);
    if (fact.after === undefined) return fire(byDirection(change, 'request-pattern-removed', 'response-pattern-removed'), params);
    return fire(byDirection(change, 'request-pattern-changed', 'response-pattern-changed'), params);
  },
});
