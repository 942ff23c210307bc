/**
 * `components.securitySchemes` definitions: what a client must send to authenticate. A renamed apiKey
 * header, another scheme type or a lost flow or scope breaks existing clients; new scopes or flows do not.
 */
import { defineCheck, fire } from './check.js';

export const securitySchemes = defineCheck({
  name: 'security-schemes',
  subjects: ['security-scheme'],
  rules: ['security-scheme-added', 'security-scheme-removed', 'security-scheme-changed', 'security-scheme-extended'],
  run: (fact) => {
    const params = { scheme: fact.scheme, detail: fact.detail };
    switch (fact.change) {
      case 'added':
        return fire('security-scheme-added', params);
      case 'removed':
        return fire('security-scheme-removed', params);
      case 'changed':
        return fire('security-scheme-changed', params);
      case 'extended':
        return fire('security-scheme-extended', params);
    }
  },
});
