/** Whether null is allowed (3.0 `nullable`, 3.1 `'null'` type, a null enum value or a null union branch). */
import { defineCheck, fire } from './check.js';

export const schemaNullable = defineCheck({
  name: 'schema-nullable',
  subjects: ['nullable'],
  rules: ['request-became-nullable', 'request-became-non-nullable', 'response-became-nullable', 'response-became-non-nullable'],
  run: (fact, change) => {
    const request = change.direction === 'request';
    if (fact.after) return fire(request ? 'request-became-nullable' : 'response-became-nullable');
    return fire(request ? 'request-became-non-nullable' : 'response-became-non-nullable');
  },
});
