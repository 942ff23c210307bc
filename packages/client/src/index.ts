/**
 * `@retell-kit/client`: the hand-written runtime and, generated from the spec, the types, one function per
 * operation and `createClient()`. The runtime never imports generated code; this entry joins the two.
 */
export * from './runtime/index.js';
export * from './generated/index.js';
