/** `format` (date-time, uuid, ...): generated types do not change, but validation and parsing may. */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaFormat = defineCheck({
  name: 'schema-format',
  subjects: ['format'],
  rules: ['request-format-changed', 'response-format-changed'],
  run: (fact, change) =>
    fire(byDirection(change, 'request-format-changed', 'response-format-changed'), { before: fact.before ?? 'none', after: fact.after ?? 'none' }),
});
