// Module hooks (node:module `register`) that let openapi-typescript run on the modules the generator
// already loads: its `import ts from 'typescript'` gets ts-morph's TypeScript, and its one Redocly import
// (`@redocly/openapi-core/lib/ref-utils.js`, of Redocly 1.x) gets the loader's Redocly 2.x functions.
// Without them one generation loads two TypeScript compilers and two Redocly versions.
// Plain JavaScript: hooks run on Node's loader thread, before any TypeScript loader.
let typescriptURL;
let refUtilsURL;
const REF_UTILS_SHIM = 'retell-kit-shared:ref-utils';
const TYPESCRIPT_SHIM = 'retell-kit-shared:typescript';

export function initialize(data) {
  typescriptURL = data.typescriptURL;
  refUtilsURL = data.refUtilsURL;
}

export async function resolve(specifier, context, next) {
  if (context.parentURL?.includes('/openapi-typescript/')) {
    // A small ES module over `require()`: openapi-typescript only takes the default export, and importing
    // the 9 MB CommonJS file itself would make Node scan all of it for named exports.
    if (specifier === 'typescript') return { url: TYPESCRIPT_SHIM, shortCircuit: true };
    if (specifier === '@redocly/openapi-core/lib/ref-utils.js') return { url: REF_UTILS_SHIM, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url === TYPESCRIPT_SHIM) {
    const source = [
      "import { createRequire } from 'node:module';",
      "import { fileURLToPath } from 'node:url';",
      `const url = ${JSON.stringify(typescriptURL)};`,
      'export default createRequire(url)(fileURLToPath(url));',
    ].join('\n');
    return { format: 'module', source, shortCircuit: true };
  }
  if (url !== REF_UTILS_SHIM) return next(url, context);
  // Redocly 2 renamed `escapePointer` to `escapePointerFragment` (same escaping); `parseRef` is unchanged.
  const source = [
    `export { parseRef, escapePointerFragment as escapePointer } from ${JSON.stringify(refUtilsURL)};`,
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
