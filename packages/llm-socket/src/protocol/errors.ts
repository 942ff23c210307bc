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
  | 'socket';

export class LlmSocketError extends Error {
  override readonly name = 'LlmSocketError';
  constructor(
    readonly code: LlmSocketErrorCode,
    message: string,
    readonly pointer?: string,
    options?: { cause?: unknown },
  ) {
    super(pointer !== undefined && pointer !== '' ? `${message} (at ${pointer})` : message, options);
  }
}
