/**
 * One TypeScript and one Redocly per generator process: registers share-hook.mjs (see there) before
 * openapi-typescript is first imported. Idempotent; each thread that imports openapi-typescript calls it.
 */
import { register } from 'node:module';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let registered = false;

export function shareModules(): void {
  if (registered) return;
  registered = true;
  const require = createRequire(import.meta.url);
  // ts-morph's own TypeScript (bundled in @ts-morph/common), found from ts-morph's location.
  const tsMorphRequire = createRequire(require.resolve('ts-morph'));
  const common = path.dirname(tsMorphRequire.resolve('@ts-morph/common'));
  const typescriptURL = pathToFileURL(path.join(common, 'typescript.js')).href;
  // The loader's Redocly (2.x): its ref-utils module, next to its main entry.
  const refUtilsURL = pathToFileURL(path.join(path.dirname(require.resolve('@redocly/openapi-core')), 'ref-utils.js')).href;
  register(new URL('./share-hook.mjs', import.meta.url), { data: { typescriptURL, refUtilsURL } });
}
