/** Presence and `required` of the request body. */
import { defineCheck, fire } from './check.js';

export const requestBody = defineCheck({
  name: 'request-body',
  subjects: ['request-body-added', 'request-body-removed', 'request-body-required'],
  rules: ['request-body-added-required', 'request-body-added-optional', 'request-body-removed', 'request-body-became-required', 'request-body-became-optional'],
  run: (fact) => {
    switch (fact.subject) {
      case 'request-body-added':
        return fire(fact.required ? 'request-body-added-required' : 'request-body-added-optional');
      case 'request-body-removed':
        return fire('request-body-removed');
      case 'request-body-required':
        return fire(fact.after ? 'request-body-became-required' : 'request-body-became-optional');
    }
  },
});
