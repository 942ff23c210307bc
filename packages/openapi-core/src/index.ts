/**
 * The spec core shared by the generator, the spec diff and sync: load a spec (bundle, validate,
 * canonicalize, hash), build the IR every emitter reads, and derive the SDK surface from it.
 *
 *   const spec = await loadSpec('spec/openapi.yaml');        // LoadedSpec: document, hash, warnings
 *   const model = buildModel(spec);                           // ApiModel: operations, resources, schemas
 *   const surface = sdkSurface(model);                        // SdkSurface: methods and exported types
 *
 * A document that is already bundled (read from git, or built in memory) goes through `fromBundled`
 * instead of `loadSpec`.
 */
export * from './errors.js';
export * from './json.js';
export * from './ref.js';
export * from './load/index.js';
export { checkVersion, escapePointer, findDuplicateOperationIds, type OpenApiVersion } from './load/checks.js';
export { displayPath, errorsOf, type PlainProblem } from './load/problems.js';
export type { Conversion } from './load/convert.js';
export { buildModel } from './ir/build.js';
export * from './ir/types.js';
export * from './ir/naming.js';
export { tsString } from './ir/ts-string.js';
export { isResponseAlias } from './ir/sdk.js';
export { formPartNames, multipartView } from './ir/multipart.js';
export { multipartConvention, type SpecMultipartConvention } from './ir/multipart-convention.js';
export { mergedParameters } from './ir/parameters.js';
export * from './ir/type-tree.js';
export * from './surface.js';
export type * from './docs-model.js';
