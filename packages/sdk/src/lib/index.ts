/** Hand-written helpers of the facade; generated resource classes import from here. */
export { APIResource } from './api-resource.js';
export { RetellClient, type FinalRequestOptions, type PromiseOrValue } from './client.js';
