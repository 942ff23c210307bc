/**
 * The static description of one operation. The generator emits one `OperationSpec` const per operation;
 * the runtime reads nothing else about the API.
 */

export interface PaginationSpec {
  /** Where the cursor goes on the next request. */
  readonly in: 'query' | 'body';
  readonly limitParam?: string;
  /** Request field that carries the cursor, e.g. `pagination_key`. */
  readonly cursorParam: string;
  /** Response field holding the page's items, e.g. `items`. */
  readonly itemsField: string;
  /** Response field that says whether another page exists; when absent, a page continues while it has a cursor and items. */
  readonly hasMoreField?: string;
  /** Response field holding the next cursor, e.g. `pagination_key`. */
  readonly nextCursorField: string;
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** OpenAPI path template, e.g. `/get-agent/{agent_id}`. */
  readonly path: string;
  /** Default per-attempt timeout (`x-timeout-ms`), used when the user set none. */
  readonly timeoutMs?: number;
  /** Absent: no request body. */
  readonly body?: 'json' | 'multipart';
  /**
   * Turns `input.body` into what fetch sends, for bodies that are not JSON (`multipartBody` for
   * `body: 'multipart'`). Absent: `JSON.stringify`. The result must be re-sendable on a retry (a string,
   * `FormData`, `Blob`, `URLSearchParams` or buffer; not a stream); fetch derives its content type.
   */
  readonly encode?: (body: unknown) => BodyInit | Promise<BodyInit>;
  readonly pagination?: PaginationSpec;
}

export interface RequestInput {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
}
