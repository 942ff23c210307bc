/** Operation summary and description: documentation only, a patch. */
import { defineCheck, fire } from './check.js';

export const operationDocs = defineCheck({
  name: 'operation-docs',
  subjects: ['operation-docs'],
  rules: ['operation-docs-changed'],
  run: (fact) => fire('operation-docs-changed', { field: fact.field }),
});
