/** `items` on one side only: an untyped array became typed (narrower: breaks senders) or lost its item type (breaks typed readers). */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaItems = defineCheck({
  name: 'schema-items',
  subjects: ['items'],
  rules: ['request-items-added', 'request-items-removed', 'response-items-added', 'response-items-removed'],
  run: (fact, change) =>
    fact.after !== null
      ? fire(byDirection(change, 'request-items-added', 'response-items-added'), { items: fact.after })
      : fire(byDirection(change, 'request-items-removed', 'response-items-removed'), { items: fact.before ?? 'any' }),
});
