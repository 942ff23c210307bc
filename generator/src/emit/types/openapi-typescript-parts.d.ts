// Types of the openapi-typescript modules schema.ts imports directly (the package ships declarations
// for its entry only; these are the same functions it re-exports there).
declare module 'openapi-typescript/dist/transform/index.mjs' {
  const transformSchema: typeof import('openapi-typescript').transformSchema;
  export default transformSchema;
}
declare module 'openapi-typescript/dist/lib/ts.mjs' {
  export const astToString: typeof import('openapi-typescript').astToString;
}
declare module 'openapi-typescript/dist/lib/utils.mjs' {
  export const scanDiscriminators: typeof import('openapi-typescript').scanDiscriminators;
}
