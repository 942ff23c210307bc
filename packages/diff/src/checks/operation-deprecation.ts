/** `deprecated` on an operation: informational either way, the route still works. */
import { defineCheck, fire } from './check.js';

export const operationDeprecation = defineCheck({
  name: 'operation-deprecation',
  subjects: ['operation-deprecated'],
  rules: ['operation-deprecated', 'operation-undeprecated'],
  run: (fact) => fire(fact.after ? 'operation-deprecated' : 'operation-undeprecated'),
});
