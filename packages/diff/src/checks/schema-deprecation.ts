/** A schema node (usually a property) newly marked deprecated. */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaDeprecation = defineCheck({
  name: 'schema-deprecation',
  subjects: ['deprecated'],
  rules: ['request-property-deprecated', 'response-property-deprecated'],
  run: (fact, change) => {
    if (!fact.after) return [];
    const property = change.location.slice(Math.max(change.location.lastIndexOf('.'), change.location.lastIndexOf(')')) + 1) || change.location;
    return fire(byDirection(change, 'request-property-deprecated', 'response-property-deprecated'), { property });
  },
});
