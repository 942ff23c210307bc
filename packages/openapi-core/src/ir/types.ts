/**
 * The intermediate model: what the emitters read instead of raw OpenAPI. Every OpenAPI quirk
 * (path-level parameters, `$ref`s, content types, missing operationIds, success vs error responses,
 * vendor extensions) is resolved once, in build.ts, and every name is decided once, in naming.ts.
 */
import type { OpenApiVersion } from '../load/checks.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD' | 'TRACE';

export interface ApiModel {
  readonly title: string;
  /** The upstream release the spec matches (`info.x-upstream`, e.g. `retell-sdk@5.66.1`), when it says. */
  readonly upstream?: string;
  readonly version: OpenApiVersion;
  /** Named schemas under `components.schemas`, sorted by key. */
  readonly schemas: readonly SchemaModel[];
  /** Every operation, sorted by path then method. */
  readonly operations: readonly OperationModel[];
  /** Facade resources (from `x-sdk`, tags or operationIds), sorted by property name. */
  readonly resources: readonly ResourceModel[];
  /** Whether openapi-typescript emits a `webhooks` interface (3.1 documents with webhooks). */
  readonly hasWebhooks: boolean;
}

export interface SchemaModel {
  /** Key under `components.schemas`. */
  readonly key: string;
  /** Exported TypeScript alias (unique, not reserved, not a runtime export). */
  readonly typeName: string;
}

export interface ParamModel {
  /** Wire name, e.g. `agent_id`. */
  readonly name: string;
  /** TypeScript identifier for a positional argument, e.g. `agentId`. */
  readonly ident: string;
  readonly required: boolean;
  /** False for a path template variable the spec forgot to declare (typed as `string`). */
  readonly declared: boolean;
  /** `string`, `number` or `boolean` when the schema is that plain primitive (no enum); else the emitters index `paths`. */
  readonly primitive?: 'string' | 'number' | 'boolean';
  /**
   * Path parameters only: present when the value is not sent by plain `{name}` substitution (a boolean,
   * array or object schema, or a `label`/`matrix` style); the emitters then expand the path with the
   * runtime's `expandPath`.
   */
  readonly pathStyle?: { readonly style: 'simple' | 'label' | 'matrix'; readonly explode: boolean };
  readonly description?: string;
  /** Example value for docs, when the spec gives one or the schema makes one obvious. */
  readonly example?: unknown;
}

/** How the request body travels. `json` covers `application/json` and `*+json`. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'text';

export interface BodyModel {
  readonly kind: BodyKind;
  readonly mediaType: string;
  readonly required: boolean;
  /** True when the body is an object whose fields can be merged with query params into one params object. */
  readonly isObject: boolean;
  /** True when the body schema has at least one required property (an empty `{}` would be invalid). */
  readonly hasRequiredFields: boolean;
  /** Top-level property names when known (through `$ref`, `allOf`, `oneOf`, `anyOf`), sorted. */
  readonly fieldNames: readonly string[];
  /** Component key when the body schema is a plain `$ref` to `components.schemas`. */
  readonly schemaRef?: string;
  /** A small example object for docs (required fields only). */
  readonly example?: Record<string, unknown>;
}

/** What the successful response carries. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'empty';

export interface ResponseModel {
  /** Status key in `responses` (e.g. `200`, `2XX`, `default`). */
  readonly status: string;
  readonly kind: ResponseKind;
  readonly mediaType?: string;
  /** Component key when the schema is a plain `$ref` to `components.schemas`. */
  readonly schemaRef?: string;
}

/**
 * How the per-operation function takes its non-path inputs:
 * - `none`: nothing but path params;
 * - `query` / `body`: one params object that is exactly the query or the body;
 * - `merged`: one params object holding query and body fields, split by the query parameter names;
 * - `separate`: query and body cannot be merged (non-object body or clashing names), so two arguments.
 */
export type ParamsShape = 'none' | 'query' | 'body' | 'merged' | 'separate';

export interface PaginationModel {
  readonly in: 'query' | 'body';
  readonly limitParam: string;
  readonly cursorParam: string;
  readonly itemsField: string;
  readonly hasMoreField: string;
  readonly nextCursorField: string;
}

export interface SdkBinding {
  /** Facade property on the root client (camelCase), e.g. `chatAgent`. */
  readonly resource: string;
  /** Method name on the resource class, e.g. `createVersion`. */
  readonly method: string;
  /** Exported params type, e.g. `AgentCreateVersionParams`. */
  readonly paramsType: string;
  /** Exported response type, e.g. `AgentCreateVersionResponse` (a schema name when the response is one). */
  readonly responseType: string;
}

export interface OperationModel {
  /** operationId from the spec, or a synthesized one (method + path) when absent. */
  readonly operationId: string;
  readonly hasOperationId: boolean;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/get-agent/{agent_id}`. */
  readonly path: string;
  /** JSON pointer of the operation in the bundled document, for messages. */
  readonly pointer: string;
  /** Exported function name (camelCase, unique), e.g. `getAgent`. */
  readonly fnName: string;
  /** PascalCase stem for per-operation types, e.g. `GetAgent` → `GetAgentParams`. */
  readonly typeStem: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Path params in template order. */
  readonly pathParams: readonly ParamModel[];
  readonly queryParams: readonly ParamModel[];
  readonly headerParams: readonly ParamModel[];
  readonly body?: BodyModel;
  /** Absent when the operation declares no response at all. */
  readonly success?: ResponseModel;
  readonly paramsShape: ParamsShape;
  /** Whether the caller must pass the params object (some query param or body field is required). */
  readonly paramsRequired: boolean;
  readonly timeoutMs?: number;
  readonly pagination?: PaginationModel;
  /** Facade methods bound to this operation; several when routes are shared (`x-sdk` list). */
  readonly sdk: readonly SdkBinding[];
  /** Group used to split the per-operation files (first facade resource, else tag, else `default`). */
  readonly group: string;
}

export interface ResourceModel {
  /** Property on the root client, e.g. `chatAgent`. */
  readonly property: string;
  /** Class name, e.g. `ChatAgent`. */
  readonly className: string;
  /** File stem, e.g. `chat-agent`. */
  readonly fileStem: string;
  readonly methods: readonly MethodModel[];
}

export interface MethodModel {
  readonly name: string;
  readonly operation: OperationModel;
  readonly binding: SdkBinding;
  /**
   * Path params taken positionally: all of them unless `x-sdk.positional` names a subset; the others move
   * into the params object (e.g. `deleteSource(sourceId, { knowledge_base_id })`).
   */
  readonly positional: readonly ParamModel[];
  /** Path params that travel inside the params object. */
  readonly pathInParams: readonly ParamModel[];
  /** Whether the method takes a params object at all (query or body fields, or path params moved into it). */
  readonly takesParams: boolean;
  readonly paramsRequired: boolean;
}
