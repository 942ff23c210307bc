/** `servers` (document or operation): a removed URL strands clients configured with it; a new one is information. */
import { defineCheck, fire } from './check.js';

export const servers = defineCheck({
  name: 'servers',
  subjects: ['server-added', 'server-removed'],
  rules: ['server-added', 'server-removed'],
  run: (fact) => fire(fact.subject === 'server-added' ? 'server-added' : 'server-removed', { url: fact.url }),
});
