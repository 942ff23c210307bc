/**
 * The one error class of the package. `code` says what went wrong; `pointer` is the JSON pointer into
 * the offending message when there is one.
 */
export type LlmSocketErrorCode =
  /** Not JSON, or not a JSON object. */
  | 'malformed-json'
  /** Nested deeper than `maxDepth`. */
  | 'too-deep'
  /** Larger than `maxPayload` (the socket is closed with 1009 by ws). */
  | 'too-large'
  /** A tag (`interaction_type` / `response_type`) the spec does not know. */
  | 'unknown-type'
  /** A known message that does not match its schema. */
  | 'invalid-message'
  /** A message that breaks the protocol's order or ids (e.g. a stale `response_id`). */
  | 'protocol'
  /** Your callback threw or rejected. */
  | 'handler-failed'
  /** The socket failed (reset, bad frame). */
  | 'socket'
  /** A departure from the spec that the helper tolerates (a null optional field, an unknown role): logged, and the message is answered. */
  | 'tolerated'
  /** The peer is not reading: the send buffer went past its limit (the socket is closed with 4008). */
  | 'backpressure'
  /** An upgrade refused by `authorize`, or a second live socket for a call without authorisation. */
  | 'unauthorized';

/** `warning`: logged, the message was still handled. `error`: the message (or connection) was dropped. */
export type LlmSocketSeverity = 'warning' | 'error';

export class LlmSocketError extends Error {
  override readonly name = 'LlmSocketError';
  constructor(
    readonly code: LlmSocketErrorCode,
    message: string,
    readonly pointer?: string,
    options?: { cause?: unknown; severity?: LlmSocketSeverity },
  ) {
    super(pointer !== undefined && pointer !== '' ? `${message} (at ${pointer})` : message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.severity = options?.severity ?? 'error';
  }

  readonly severity: LlmSocketSeverity;
}
