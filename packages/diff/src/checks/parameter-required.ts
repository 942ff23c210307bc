/** A parameter's `required` flag. */
import { defineCheck, fire } from './check.js';

export const parameterRequired = defineCheck({
  name: 'parameter-required',
  subjects: ['parameter-required'],
  rules: ['request-parameter-became-required', 'request-parameter-became-optional'],
  run: (fact) => fire(fact.after ? 'request-parameter-became-required' : 'request-parameter-became-optional', { param: fact.param }),
});
