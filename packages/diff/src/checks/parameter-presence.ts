/** Parameters added (breaking when required: existing calls omit them) or removed. */
import { defineCheck, fire } from './check.js';

export const parameterPresence = defineCheck({
  name: 'parameter-presence',
  subjects: ['parameter-added', 'parameter-removed'],
  rules: ['request-parameter-added-required', 'request-parameter-added-optional', 'request-parameter-removed'],
  run: (fact) => {
    if (fact.subject === 'parameter-removed') return fire('request-parameter-removed', { param: fact.param });
    return fire(fact.required ? 'request-parameter-added-required' : 'request-parameter-added-optional', { param: fact.param });
  },
});
