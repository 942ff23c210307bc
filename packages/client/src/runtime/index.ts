/** The hand-written runtime of `@retell-kit/client`. Generated code imports only from here. */
export * from './lean.js';
export { RetellPathClient } from './path-client.js';
