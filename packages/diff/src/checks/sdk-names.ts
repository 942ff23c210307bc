/**
 * Names and signatures the generated facade exports, as the SDK surface states them: methods (with their
 * positional arguments, params and response type names, and the route they send), and every exported
 * type. Every user of a removed or renamed name stops compiling; a moved method silently calls another
 * endpoint.
 */
import { defineCheck, fire } from './check.js';

export const sdkNames = defineCheck({
  name: 'sdk-names',
  subjects: ['sdk-method-added', 'sdk-method-removed', 'sdk-method-renamed', 'sdk-method-moved', 'sdk-positional-changed', 'sdk-params-type-renamed', 'sdk-response-type-renamed', 'sdk-type-added', 'sdk-type-removed', 'sdk-type-renamed'],
  rules: ['sdk-method-added', 'sdk-method-removed', 'sdk-method-renamed', 'sdk-method-moved', 'sdk-positional-changed', 'sdk-params-type-renamed', 'sdk-response-type-renamed', 'sdk-type-added', 'sdk-type-removed', 'sdk-type-renamed'],
  run: (fact) => {
    switch (fact.subject) {
      case 'sdk-method-added':
        return fire('sdk-method-added', { sdk: fact.sdk });
      case 'sdk-method-removed':
        return fire('sdk-method-removed', { sdk: fact.sdk });
      case 'sdk-method-renamed':
        return fire('sdk-method-renamed', { before: fact.before, after: fact.after });
      case 'sdk-method-moved':
      case 'sdk-positional-changed':
      case 'sdk-params-type-renamed':
      case 'sdk-response-type-renamed':
        return fire(fact.subject, { sdk: fact.sdk, before: fact.before, after: fact.after });
      case 'sdk-type-added':
        return fire('sdk-type-added', { type: fact.type });
      case 'sdk-type-removed':
        return fire('sdk-type-removed', { type: fact.type });
      case 'sdk-type-renamed':
        return fire('sdk-type-renamed', { before: fact.before, after: fact.after });
    }
  },
});
