// Import path kept while parallel branches still import the IR and loader from here; new code imports ../core.js.
export * from '../../../packages/openapi-core/src/load/checks.js';
