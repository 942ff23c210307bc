/**
 * The docs model: what `packages/sdk/api.md` and the MCP server's docs index are both rendered from, so
 * the two can never disagree. Plain data (JSON-serialisable). Declared once, here, as types only: the
 * generator builds it (`emit/docs/model.ts`), the MCP package reads the generated index through these
 * types (`packages/mcp/src/docs-model.ts` re-exports them), and neither depends on the other.
 */

/** One documented field; nested fields follow their parent with a dotted path (`response_engine.llm_id`). */
export interface DocField {
  readonly path: string;
  /** TypeScript-like type, e.g. `string`, `'a' | 'b'`, `AgentResponse[]`, `number | null`. */
  readonly type: string;
  readonly required: boolean;
  readonly enum?: readonly string[];
  readonly default?: unknown;
  readonly description?: string;
  /** For fields that only some union variants carry: the variants' schema names. */
  readonly variant?: string;
  readonly deprecated?: boolean;
}

export interface DocExamples {
  /** The call alone, one line (`const agentResponse = await client.agent.retrieve('agent_…');`). */
  readonly call: string;
  /** A complete program: import, client, call, output. */
  readonly typescript: string;
  readonly curl: string;
  /** Filled once a Python SDK is generated (emit/python): `client.call.create_phone_call(...)`. */
  readonly python?: string;
}

export interface DocMethod {
  readonly kind: 'method';
  /** `call.createPhoneCall` */
  readonly id: string;
  readonly resource: string;
  readonly resourceClass: string;
  readonly method: string;
  readonly operationId: string;
  /** `client.call.createPhoneCall(params: CallCreatePhoneCallParams, options?: RequestOptions): APIPromise<PhoneCallResponse>` */
  readonly signature: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly paginated: boolean;
  /** True for GET routes and list/retrieve-like reads (nothing changes on the server). */
  readonly readOnly: boolean;
  /** Positional path arguments, in order. */
  readonly positional: readonly DocField[];
  /** Fields of the params object (query, body and path params that travel in it). */
  readonly params: readonly DocField[];
  readonly paramsType?: string;
  readonly response: { readonly type: string; readonly fields: readonly DocField[] };
  readonly examples: DocExamples;
  /** Trimmed JSON Schema of the input (path params + params fields as one object), for endpoint tools. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

export interface DocWebhook {
  readonly kind: 'webhook';
  /** `webhook.call_ended` */
  readonly id: string;
  readonly event: string;
  readonly summary?: string;
  readonly description?: string;
  readonly payloadType: string;
  readonly fields: readonly DocField[];
}

export interface DocSocketMessage {
  readonly kind: 'socket';
  /** `socket.server.response_required` */
  readonly id: string;
  /** `server`: Retell → your custom LLM server; `client`: your server → Retell. */
  readonly direction: 'server' | 'client';
  /** Discriminator value (`interaction_type` or `response_type`). */
  readonly name: string;
  readonly discriminator: string;
  readonly type: string;
  readonly description?: string;
  readonly fields: readonly DocField[];
}

export type DocEntry = DocMethod | DocWebhook | DocSocketMessage;

export interface DocsModel {
  readonly title: string;
  readonly baseUrl: string;
  readonly methods: readonly DocMethod[];
  readonly webhooks: readonly DocWebhook[];
  readonly socketMessages: readonly DocSocketMessage[];
}

/**
 * What the MCP server ships: each entry with its full markdown page; the field lists themselves are in
 * the markdown, only their dotted names stay as data (for search).
 */
export type Indexed<T> = T & { readonly markdown: string; readonly fieldNames: readonly string[] };

export type IndexedMethod = Omit<DocMethod, 'params' | 'positional' | 'response'> & {
  /** Wire names of the positional path arguments, in order. */
  readonly positionalNames: readonly string[];
  readonly response: { readonly type: string; readonly fieldNames: readonly string[] };
};

export interface DocsIndex {
  readonly title: string;
  readonly baseUrl: string;
  readonly methods: readonly Indexed<IndexedMethod>[];
  readonly webhooks: readonly Indexed<Omit<DocWebhook, 'fields'>>[];
  readonly socketMessages: readonly Indexed<Omit<DocSocketMessage, 'fields'>>[];
}
