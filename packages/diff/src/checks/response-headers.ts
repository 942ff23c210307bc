/** Response headers: a client may rely on a required header, so losing that guarantee is breaking. */
import { defineCheck, fire } from './check.js';

export const responseHeaders = defineCheck({
  name: 'response-headers',
  subjects: ['header-added', 'header-removed', 'header-required'],
  rules: ['response-header-added', 'response-required-header-removed', 'response-optional-header-removed', 'response-header-became-optional', 'response-header-became-required'],
  run: (fact) => {
    const params = { header: fact.header };
    switch (fact.subject) {
      case 'header-added':
        return fire('response-header-added', params);
      case 'header-removed':
        return fire(fact.required ? 'response-required-header-removed' : 'response-optional-header-removed', params);
      case 'header-required':
        return fire(fact.after ? 'response-header-became-required' : 'response-header-became-optional', params);
    }
  },
});
