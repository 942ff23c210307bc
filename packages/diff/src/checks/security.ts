/** Security alternatives and their scopes: a client must satisfy one alternative, so removing one or requiring more scopes breaks it. */
import { defineCheck, fire, quoteList, type Emission } from './check.js';

export const security = defineCheck({
  name: 'security',
  subjects: ['security-alternative-added', 'security-alternative-removed', 'security-scopes'],
  rules: ['security-alternative-added', 'security-alternative-removed', 'security-scope-added', 'security-scope-removed'],
  run: (fact) => {
    switch (fact.subject) {
      case 'security-alternative-added':
        return fire('security-alternative-added', { schemes: fact.schemes });
      case 'security-alternative-removed':
        return fire('security-alternative-removed', { schemes: fact.schemes });
      case 'security-scopes': {
        const out: Emission[] = [];
        if (fact.added.length > 0) out.push(...fire('security-scope-added', { scheme: fact.scheme, scopes: quoteList(fact.added) }));
        if (fact.removed.length > 0) out.push(...fire('security-scope-removed', { scheme: fact.scheme, scopes: quoteList(fact.removed) }));
        return out;
      }
    }
  },
});
