/**
 * oneOf/anyOf branches, matched by identity (structural/union-branches.ts). A new branch widens what is
 * accepted (fine for requests) and what may be returned (a warning for responses).
 */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaUnion = defineCheck({
  name: 'schema-union',
  subjects: ['union-branch-added', 'union-branch-removed'],
  rules: ['request-union-branch-added', 'request-union-branch-removed', 'response-union-branch-added', 'response-union-branch-removed'],
  run: (fact, change) =>
    fact.subject === 'union-branch-added'
      ? fire(byDirection(change, 'request-union-branch-added', 'response-union-branch-added'), { branch: fact.branch })
      : fire(byDirection(change, 'request-union-branch-removed', 'response-union-branch-removed'), { branch: fact.branch }),
});
