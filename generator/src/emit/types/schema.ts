/**
 * `schema.ts`: the `paths`, `components`, `operations` and `webhooks` interfaces, produced by
 * openapi-typescript's transformer. We call `transformSchema` on the already bundled and validated
 * document instead of `openapiTS()`, which would parse, lint and bundle the whole document a second time.
 */
import { ts } from 'ts-morph';
import type { GlobalContext, OpenAPI3, SchemaObject } from 'openapi-typescript';
// openapi-typescript's transformer and printer without its entry module, which loads Redocly 1.x for
// the `openapiTS()` entry point we do not call. Its TypeScript is ts-morph's (see share-modules.ts).
import transformSchema from 'openapi-typescript/dist/transform/index.mjs';
import { astToString } from 'openapi-typescript/dist/lib/ts.mjs';
import { scanDiscriminators } from 'openapi-typescript/dist/lib/utils.mjs';
import type { LoadedSpec } from '../../load/index.js';
import { normalizeLines } from '../escape.js';
import { OUTPUT_DIRS, type TextFile } from '../files.js';

/** Options we pass to openapi-typescript; defaults otherwise, so the types read like its documented output. */
function context(doc: OpenAPI3, onBinary: () => void): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    // A field with a `default` stays optional: callers may leave it out of a request (the official SDK
    // types it that way), and a response type must not promise a field the server may omit.
    defaultNonNullable: false,
    discriminators: scanDiscriminators(doc, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only the `openapiTS()` entry point reads the Redocly config; the transformer never does.
    redoc: undefined as unknown as GlobalContext['redoc'],
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    silent: true,
    // File fields (`type: string, format: binary`) accept what the runtime can upload, not just strings.
    transform(schema: SchemaObject) {
      if ('format' in schema && schema.format === 'binary' && 'type' in schema && schema.type === 'string') {
        onBinary();
        return ts.factory.createTypeReferenceNode('Uploadable') as unknown as ReturnType<NonNullable<GlobalContext['transform']>>;
      }
      return undefined;
    },
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve<T>(ref: string): T | undefined {
      return resolvePointer(doc, ref) as T | undefined;
    },
  };
}

function resolvePointer(doc: unknown, ref: string): unknown {
  let current: unknown = doc;
  for (const raw of ref.replace(/^#/, '').split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

/** Keys whose string values openapi-typescript prints into JSDoc comments (never into types). */
const COMMENT_KEYS = new Set(['description', 'title', 'summary', 'example', 'default']);

/**
 * openapi-typescript escapes `*\/` in comments as `*\\/`, which cannot be told apart from a text that
 * had `*\\/` to begin with. Adding a backslash to every `*\…\/` sequence first makes its output equal
 * to `docText` (emit/escape.ts), so comments in schema.ts decode like every other generated comment
 * (line terminators normalized the same way).
 * Only string annotations change; names, enum values and constants (which become types) do not.
 */
function commentSafe(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) commentSafe(item);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    for (const [key, sub] of Object.entries(node)) {
      if (typeof sub === 'string' && COMMENT_KEYS.has(key)) node[key] = normalizeLines(sub).replace(/\*(\\+)\//g, '*\\$1/');
      else if (sub !== null && typeof sub === 'object') commentSafe(sub);
    }
  }
  return value;
}

/**
 * Returned as text (not a structure): openapi-typescript already printed it, and handing megabytes of
 * source to ts-morph would only parse it again.
 */
export function emitSchema(spec: LoadedSpec): TextFile {
  // openapi-typescript annotates the document it walks (discriminator handling); work on a copy so the
  // loaded spec stays as the other emitters expect it, whichever thread this runs on.
  const doc = commentSafe(structuredClone(spec.document)) as unknown as OpenAPI3;
  let usesBinary = false;
  const nodes = transformSchema(doc, context(doc, () => (usesBinary = true)));
  const text = astToString(nodes);
  return {
    path: `${OUTPUT_DIRS.client}/schema.ts`,
    text: [...(usesBinary ? ["import type { Uploadable } from '../runtime/lean.js';", ''] : []), text].join('\n'),
    parser: 'typescript',
    header: true,
  };
}
