/** Media types of request bodies and responses. */
import { byDirection, defineCheck, fire } from './check.js';

export const mediaType = defineCheck({
  name: 'media-type',
  subjects: ['media-type-added', 'media-type-removed'],
  rules: ['request-media-type-added', 'request-media-type-removed', 'response-media-type-added', 'response-media-type-removed'],
  run: (fact, change) =>
    fact.subject === 'media-type-added'
      ? fire(byDirection(change, 'request-media-type-added', 'response-media-type-added'), { mediaType: fact.mediaType })
      : fire(byDirection(change, 'request-media-type-removed', 'response-media-type-removed'), { mediaType: fact.mediaType }),
});
