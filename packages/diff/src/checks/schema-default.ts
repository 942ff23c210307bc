/** `default`: in a request it is what the server assumes when the field is omitted, so changing it changes behaviour. */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaDefault = defineCheck({
  name: 'schema-default',
  subjects: ['default'],
  rules: ['request-default-changed', 'response-default-changed'],
  run: (fact, change) => fire(byDirection(change, 'request-default-changed', 'response-default-changed'), { before: fact.before ?? 'none', after: fact.after ?? 'none' }),
});
