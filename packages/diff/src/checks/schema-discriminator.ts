/**
 * A discriminator's property or mapping values: the value a sender writes and a reader switches on.
 * Renaming one breaks both (old payloads no longer select their branch; old readers miss the new value).
 */
import { byDirection, defineCheck, fire } from './check.js';

export const schemaDiscriminator = defineCheck({
  name: 'schema-discriminator',
  subjects: ['discriminator'],
  rules: ['request-discriminator-changed', 'response-discriminator-changed'],
  run: (fact, change) => fire(byDirection(change, 'request-discriminator-changed', 'response-discriminator-changed'), { detail: fact.detail }),
});
