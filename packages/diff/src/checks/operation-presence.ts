/** Operations that appear or disappear (matched by method and parameter-blind path). */
import { defineCheck, fire } from './check.js';

export const operationPresence = defineCheck({
  name: 'operation-presence',
  subjects: ['operation-added', 'operation-removed'],
  rules: ['operation-added', 'operation-removed'],
  run: (fact) => fire(fact.subject === 'operation-added' ? 'operation-added' : 'operation-removed'),
});
