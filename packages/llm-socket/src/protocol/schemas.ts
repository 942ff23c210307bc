/**
 * The shape of the generated socket schema module (src/generated/schemas.ts): the two unions of the
 * custom-LLM WebSocket and the component schemas they reach, as JSON Schema 2020-12.
 */
export interface SocketSchemas {
  /** Messages Retell sends (`interaction_type` union). */
  readonly serverMessage: object;
  /** Messages your server sends (`response_type` union). */
  readonly clientMessage: object;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}
