/** Facade methods from `x-sdk`: every caller of a removed or renamed method stops compiling. */
import { defineCheck, fire } from './check.js';

export const sdkMethods = defineCheck({
  name: 'sdk-methods',
  subjects: ['sdk-method-added', 'sdk-method-removed', 'sdk-method-renamed'],
  rules: ['sdk-method-added', 'sdk-method-removed', 'sdk-method-renamed'],
  run: (fact) => {
    switch (fact.subject) {
      case 'sdk-method-added':
        return fire('sdk-method-added', { sdk: fact.sdk });
      case 'sdk-method-removed':
        return fire('sdk-method-removed', { sdk: fact.sdk });
      case 'sdk-method-renamed':
        return fire('sdk-method-renamed', { before: fact.before, after: fact.after });
    }
  },
});
