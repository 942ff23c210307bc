/**
 * The facade's entry points: `generated/index.ts` (every generated export) and the package entry
 * `src/index.ts`, shaped like the official SDK's: default export `Retell`, `toFile`, the error classes,
 * plus every params/response/schema type by name.
 */
import type { ApiModel } from '../../ir/types.js';
import { OUTPUT_DIRS, OUTPUT_FILES, type StructureFile } from '../files.js';
import { resourceTypeNames } from './resource.js';
import { STATIC_EXPORTS } from './root.js';

export function emitSdkIndex(model: ApiModel): StructureFile {
  const schemaNames = new Set(model.schemas.map((s) => s.typeName));
  const statements: string[] = ["export { Retell } from './client.js';"];
  for (const r of model.resources) {
    const types = resourceTypeNames(r, schemaNames);
    statements.push(`export { ${[r.className, ...types.map((t) => `type ${t}`)].join(', ')} } from './client.js';`);
  }
  // A schema named like a resource class yields the name to the class, as in the `Retell` namespace.
  const classNames = new Set(model.resources.map((r) => r.className));
  const schemas = model.schemas.map((s) => s.typeName).filter((name) => !classNames.has(name));
  if (schemas.length > 0) statements.push(`export type { ${schemas.join(', ')} } from '@retell-kit/client/types';`);
  return { path: `${OUTPUT_DIRS.sdk}/index.ts`, structure: { statements } };
}

export function emitSdkEntry(): StructureFile {
  return {
    path: OUTPUT_FILES.sdkEntry,
    structure: {
      statements: [
        "export { Retell as default } from './generated/client.js';",
        "export * from './generated/index.js';",
        // Values from the runtime entry: importing the facade loads none of the client's generated modules.
        `export { APIPromise, PagePromise, ${STATIC_EXPORTS.filter((n) => n !== 'toFile').join(', ')}, toFile } from '@retell-kit/client/runtime';`,
        "export type { ClientOptions, RequestOptions, Uploadable, WithResponse } from '@retell-kit/client/runtime';",
        // Webhooks, as `@retell-kit/client` has them (`Retell.verify` is the static form).
        "export { verifyWebhook, signWebhook, parseWebhookEvent, WebhookVerificationError, type VerifyWebhookOptions } from '@retell-kit/client/runtime';",
      ],
    },
  };
}
