/** additionalProperties modes, ordered closed < schema < open by how much they accept. */
import type { AdditionalPropertiesMode } from '../types.js';
import { byDirection, defineCheck, fire } from './check.js';

const RANK: Record<AdditionalPropertiesMode, number> = { closed: 0, schema: 1, open: 2 };

export const schemaAdditionalProperties = defineCheck({
  name: 'schema-additional-properties',
  subjects: ['additional-properties'],
  rules: ['request-additional-properties-narrowed', 'request-additional-properties-widened', 'response-additional-properties-narrowed', 'response-additional-properties-widened'],
  run: (fact, change) => {
    const params = { before: fact.before, after: fact.after };
    return RANK[fact.after] < RANK[fact.before]
      ? fire(byDirection(change, 'request-additional-properties-narrowed', 'response-additional-properties-narrowed'), params)
      : fire(byDirection(change, 'request-additional-properties-widened', 'response-additional-properties-widened'), params);
  },
});
