/** operationId names the generated path-client function; the HTTP contract is unchanged, hence a warning. */
import { defineCheck, fire } from './check.js';

export const operationId = defineCheck({
  name: 'operation-id',
  subjects: ['operation-id'],
  rules: ['operation-id-changed'],
  run: (fact) => fire('operation-id-changed', { before: fact.before, after: fact.after }),
});
