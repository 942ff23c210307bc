/**
 * The shape of the generated mock data (`src/generated/`): what the generator's mocks emitter writes
 * and what the mock server, the nock helpers and the contract suite read. Schemas are the spec's own
 * JSON Schemas (annotations stripped) with `#/components/schemas/...` references left as they are.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { readonly [key: string]: unknown } | boolean;

export interface MockParam {
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
  /** Path parameters in `label` or `matrix` style, or exploded (absent: `simple`, not exploded). */
  readonly style?: 'simple' | 'label' | 'matrix';
  readonly explode?: boolean;
  /** What a styled path parameter holds (absent: a scalar). */
  readonly shape?: 'scalar' | 'array' | 'object';
}

export interface MockBody {
  readonly mediaType: string;
  readonly kind: 'json' | 'multipart' | 'form' | 'binary' | 'text';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface MockSuccess {
  readonly status: number;
  /** Absent: the success response has no body (204). */
  readonly schema?: JsonSchema;
}

export interface MockPagination {
  readonly in: 'query' | 'body';
  readonly limitParam: string;
  readonly cursorParam: string;
  readonly itemsField: string;
  readonly hasMoreField: string;
  readonly nextCursorField: string;
}

export interface MockSdkBinding {
  readonly resource: string;
  readonly method: string;
}

export interface MockRoute {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/get-agent/{agent_id}`. */
  readonly path: string;
  readonly pathParams: readonly MockParam[];
  readonly queryParams: readonly MockParam[];
  readonly body?: MockBody;
  readonly success: MockSuccess;
  /** Error statuses the spec declares for this operation, ascending. */
  readonly errorStatuses: readonly number[];
  readonly sdk: readonly MockSdkBinding[];
  readonly pagination?: MockPagination;
}

export interface MockSpec {
  readonly title: string;
  /** `info.version` of the spec the data was generated from. */
  readonly version: string;
  /** Every operation, sorted by path then method. */
  readonly routes: readonly MockRoute[];
  /** Only the component schemas the routes reach. */
  readonly components: { readonly schemas: { readonly [name: string]: JsonSchema } };
  /** Schema of error bodies (`ErrorResponse`), when the spec declares one. */
  readonly errorSchema?: JsonSchema;
}

/** Deterministic, schema-valid sample values for one operation. */
export interface OperationSamples {
  /** A request body that validates against the request schema (multipart: file fields hold file names). */
  readonly request?: unknown;
  /** A success body that validates against the response schema; absent for empty responses. */
  readonly response?: unknown;
  /** A value for every query parameter, required or not. */
  readonly query: { readonly [name: string]: unknown };
  /** A value for every path parameter. */
  readonly path: { readonly [name: string]: unknown };
  /** An error body per declared error status. */
  readonly errors: { readonly [status: string]: unknown };
}

export type SampleTable = { readonly [operationId: string]: OperationSamples };
