/** Descriptions and examples inside schemas: documentation only, recorded only with `--include-docs`. */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaDocs = defineCheck({
  name: 'schema-docs',
  subjects: ['description', 'example'],
  rules: ['request-description-changed', 'response-description-changed', 'request-example-changed', 'response-example-changed'],
  run: (fact, change) =>
    fact.subject === 'description'
      ? fire(byDirection(change, 'request-description-changed', 'response-description-changed'))
      : fire(byDirection(change, 'request-example-changed', 'response-example-changed')),
});
