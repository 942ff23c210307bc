/**
 * `client.ts` (`createClient`, a `RetellPathClient` typed with this API's `paths`) and `index.ts`, the
 * generated entry that `packages/client/src/index.ts` re-exports.
 */
import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../../ir/types.js';
import { OUTPUT_DIRS, type StructureFile } from '../files.js';
import { groupOperations } from '../operations/index.js';

export function emitClientFactory(): StructureFile {
  return {
    path: `${OUTPUT_DIRS.client}/client.ts`,
    structure: {
      statements: [
        "import { RetellPathClient, type ClientOptions } from '../runtime/index.js';",
        "import type { paths } from './schema.js';",
        {
          kind: StructureKind.Function,
          name: 'createClient',
          isExported: true,
          docs: [
            'A client whose typed path methods (`GET`, `POST`, ...) know every route of the API. Per-operation functions take it\n' +
              'or, smaller when bundled (no openapi-fetch), a plain `new RetellCore(options)`.',
          ],
          parameters: [{ name: 'options', type: 'ClientOptions', hasQuestionToken: true }],
          returnType: 'RetellPathClient<paths>',
          statements: ['return new RetellPathClient<paths>(options);'],
        },
      ],
    },
  };
}

export function emitClientIndex(model: ApiModel): StructureFile {
  const statements: string[] = [
    `export type { paths, components, operations${model.hasWebhooks ? ', webhooks' : ''} } from './schema.js';`,
    "export * from './types.js';",
    "export { createClient } from './client.js';",
  ];
  for (const stem of groupOperations(model).keys()) statements.push(`export * from './operations/${stem}.js';`);
  return { path: `${OUTPUT_DIRS.client}/index.ts`, structure: { statements } };
}

/**
 * `types-entry.ts`, the package's `./types` subpath: the schema and per-operation types without any value,
 * `createClient` or the path client (openapi-fetch). The facade's declarations import this, so an app
 * that type-checks against `@retell-kit/sdk` does not load the path client's declarations.
 */
export function emitClientTypesEntry(model: ApiModel): StructureFile {
  const statements: string[] = [
    `export type { paths, components, operations${model.hasWebhooks ? ', webhooks' : ''} } from './schema.js';`,
    "export type * from './types.js';",
    "export type { RequestOptions } from '../runtime/lean.js';",
  ];
  for (const stem of groupOperations(model).keys()) statements.push(`export type * from './operations/${stem}.js';`);
  return { path: `${OUTPUT_DIRS.client}/types-entry.ts`, structure: { statements } };
}
