/**
 * One call's connection, as the user's callbacks see it: the call id, the call details and latest
 * transcript Retell sent, `send()` typed by the message union, and `respond(id)` for a streamed answer.
 * The session enforces the protocol's rules: config first, one current `response_id` (a newer request
 * aborts the older answer), nothing sent for a stale id or after the socket closed.
 */
import type { WebSocket } from 'ws';
import { LlmSocketError } from '../protocol/errors.js';
import type { JsonObject } from '../protocol/parse.js';
import type { LlmMessage, LlmSocketCallDetails, LlmSocketUtterance, SocketConfig, TurnRequest } from '../protocol/types.js';
import { checkLlmMessage } from '../protocol/validate.js';
import { ResponseStream, type StreamHost } from './stream.js';

export interface SessionOptions {
  readonly config: SocketConfig;
  /** Validate every outgoing message against the spec (development mode); throws on a bad one. */
  readonly validateOutgoing: boolean;
}

export class LlmSession implements StreamHost {
  readonly #ws: WebSocket;
  readonly #options: SessionOptions;
  readonly #closed = new AbortController();
  #latestResponseId = -1;
  #current: ResponseStream | undefined;
  #transcript: readonly LlmSocketUtterance[] = [];
  #call: LlmSocketCallDetails['call'] | undefined;
  /** Free storage for the application (conversation state, an LLM client...). */
  readonly data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

  constructor(
    readonly callId: string,
    ws: WebSocket,
    options: SessionOptions,
  ) {
    this.#ws = ws;
    this.#options = options;
  }

  /** The protocol options this server sent in its `config` message. */
  get config(): SocketConfig {
    return this.#options.config;
  }

  /** The latest transcript Retell sent (from `update_only`, `response_required` or `reminder_required`). */
  get transcript(): readonly LlmSocketUtterance[] {
    return this.#transcript;
  }

  /** The call from `call_details` (only when `config.call_details` is on, once it arrived). */
  get call(): LlmSocketCallDetails['call'] | undefined {
    return this.#call;
  }

  /** The newest `response_id` Retell asked for; -1 before the first request. */
  get latestResponseId(): number {
    return this.#latestResponseId;
  }

  /** Aborted when the socket closes (the call ended or dropped). */
  get signal(): AbortSignal {
    return this.#closed.signal;
  }

  get open(): boolean {
    return !this.#closed.signal.aborted && this.#ws.readyState === this.#ws.OPEN;
  }

  isCurrent(responseId: number): boolean {
    // Before any request, id 0 is the begin message the agent speaks first.
    return responseId === this.#latestResponseId || (this.#latestResponseId === -1 && responseId === 0);
  }

  /**
   * Sends a message (typed by the union of what your server may send). `response` messages should go
   * through `respond()`, which keeps their ids right; one sent here for a stale id is dropped. Returns
   * false when nothing was sent (socket closed, or stale id). In development mode an invalid message
   * throws `LlmSocketError` instead of reaching Retell.
   */
  send(message: LlmMessage): boolean {
    if (message.response_type === 'response' && !this.isCurrent(message.response_id)) return false;
    return this.#write(message);
  }

  sendResponse(message: LlmMessage & { response_type: 'response' }): boolean {
    return this.#write(message);
  }

  #write(message: LlmMessage): boolean {
    if (!this.open) return false;
    if (this.#options.validateOutgoing) checkLlmMessage(message as unknown as JsonObject);
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * The writer for the answer to request `responseId` (the current one by default). A writer for an id
   * that is no longer current is returned already aborted: it sends nothing.
   */
  respond(responseId: number = Math.max(this.#latestResponseId, 0)): ResponseStream {
    if (this.#current?.responseId === responseId && !this.#current.signal.aborted) return this.#current;
    const stream = new ResponseStream(this, responseId);
    if (!this.isCurrent(responseId)) stream.abort('superseded');
    else this.#current = stream;
    return stream;
  }

  /** Ends the call from this side: drops the current answer and closes the socket with 1000. */
  close(reason = 'call ended'): void {
    this.#shutdown();
    if (this.#ws.readyState === this.#ws.OPEN || this.#ws.readyState === this.#ws.CONNECTING) this.#ws.close(1000, reason.slice(0, 120));
  }

  // ---- called by the handler ----------------------------------------------------------------------

  /** A new request: it becomes the current id and the previous answer is aborted. */
  beginTurn(request: TurnRequest): ResponseStream {
    if (request.response_id <= this.#latestResponseId) {
      throw new LlmSocketError('protocol', `response_id ${request.response_id} is not newer than ${this.#latestResponseId}`, '/response_id');
    }
    this.#latestResponseId = request.response_id;
    this.#transcript = request.transcript;
    this.#current?.abort('superseded');
    const stream = new ResponseStream(this, request.response_id);
    this.#current = stream;
    return stream;
  }

  setTranscript(transcript: readonly LlmSocketUtterance[]): void {
    this.#transcript = transcript;
  }

  setCall(call: LlmSocketCallDetails['call']): void {
    this.#call = call;
  }

  /** The socket closed: every answer is dropped and `signal` aborts. */
  #shutdown(): void {
    this.#current?.abort('closed');
    if (!this.#closed.signal.aborted) this.#closed.abort('closed');
  }

  closed(): void {
    this.#shutdown();
  }
}
