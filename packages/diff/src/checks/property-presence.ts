/**
 * Object properties added or removed. Request: a new required property breaks existing payloads, a
 * removed one is ignored or rejected by the server (warning), and rejected for sure when the object is
 * closed (`additionalProperties: false`: breaking). Response: additions are harmless, a removed property
 * is breaking for anyone who reads it.
 */
import { byDirection, defineCheck, fire } from './check.js';

export const propertyPresence = defineCheck({
  name: 'property-presence',
  subjects: ['property-added', 'property-removed'],
  rules: [
    'request-property-added-required',
    'request-property-added-optional',
    'request-property-removed',
    'request-closed-property-removed',
    'response-property-added-required',
    'response-property-added-optional',
    'response-property-removed',
  ],
  run: (fact, change) => {
    const params = { property: fact.name };
    if (fact.subject === 'property-removed') {
      return fire(byDirection(change, fact.closed ? 'request-closed-property-removed' : 'request-property-removed', 'response-property-removed'), params);
    }
    return fact.required
      ? fire(byDirection(change, 'request-property-added-required', 'response-property-added-required'), params)
      : fire(byDirection(change, 'request-property-added-optional', 'response-property-added-optional'), params);
  },
});
