/** `required` on an existing property: a new obligation for senders, a lost guarantee for readers. */
import { byDirection, defineCheck, fire } from './check.js';

export const propertyRequired = defineCheck({
  name: 'property-required',
  subjects: ['property-required'],
  rules: ['request-property-became-required', 'request-property-became-optional', 'response-property-became-required', 'response-property-became-optional'],
  run: (fact, change) =>
    fact.after
      ? fire(byDirection(change, 'request-property-became-required', 'response-property-became-required'), { property: fact.name })
      : fire(byDirection(change, 'request-property-became-optional', 'response-property-became-optional'), { property: fact.name }),
});
