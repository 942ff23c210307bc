// Import path kept while parallel branches still import the IR and loader from here; new code imports ../core.js.
export { canonicalize, compareKeys, hashDocument } from '../../../packages/openapi-core/src/json.js';
