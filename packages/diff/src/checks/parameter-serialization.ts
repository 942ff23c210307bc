/** style/explode decide how arrays and objects go on the wire; a change makes old clients send another shape. */
import { defineCheck, fire } from './check.js';

export const parameterSerialization = defineCheck({
  name: 'parameter-serialization',
  subjects: ['parameter-serialization'],
  rules: ['request-parameter-serialization-changed'],
  run: (fact) => fire('request-parameter-serialization-changed', { param: fact.param, before: fact.before, after: fact.after }),
});
