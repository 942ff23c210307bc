/** A parameter newly marked deprecated (un-deprecating one is not worth a line). */
import { defineCheck, fire } from './check.js';

export const parameterDeprecation = defineCheck({
  name: 'parameter-deprecation',
  subjects: ['parameter-deprecated'],
  rules: ['request-parameter-deprecated'],
  run: (fact) => (fact.after ? fire('request-parameter-deprecated', { param: fact.param }) : []),
});
