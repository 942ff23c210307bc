/**
 * One call, as the user's callbacks see it: the call id, the call details and latest transcript Retell
 * sent, `send()` typed by the message union, and `respond(id)` for a streamed answer. The session keeps
 * the protocol's rules (one current `response_id`: a newer request aborts the older answer; nothing is
 * sent for a stale id or while no socket is attached) and outlives a dropped socket: when Retell
 * reconnects for the same call (`auto_reconnect`), the new socket is attached to the same session, so
 * the transcript, the latest id and `data` carry over.
 */
import type { WebSocket } from 'ws';
import { LlmSocketError } from '../protocol/errors.js';
import type { JsonObject } from '../protocol/parse.js';
import type { LlmMessage, LlmSocketCallDetails, LlmSocketUtterance, SocketConfig, TurnRequest } from '../protocol/types.js';
import { checkLlmMessage } from '../protocol/validate.js';
import { ResponseStream, type StreamHost } from './stream.js';

/** Close code used when the peer stops reading and the send buffer passes `maxBufferedBytes`. */
export const CLOSE_BACKPRESSURE = 4008;
/** Close code sent to a socket that an authorised reconnect for the same call replaced. */
export const CLOSE_REPLACED = 4001;

export interface Backpressure {
  /** Generation pauses while the socket's `bufferedAmount` is above this (bytes). Default 256 KiB. */
  readonly highWaterMark: number;
  /** Past this many buffered bytes the socket is closed with 4008 (bytes). Default 8 MiB. */
  readonly maxBufferedBytes: number;
  /** A paused answer whose buffer does not shrink for this long closes the socket with 4008 (ms). Default 30 s. */
  readonly stallTimeoutMs: number;
}

export const DEFAULT_BACKPRESSURE: Backpressure = { highWaterMark: 256 * 1024, maxBufferedBytes: 8 * 1024 * 1024, stallTimeoutMs: 30_000 };

export interface SessionOptions {
  readonly config: SocketConfig;
  /** Validate every outgoing message against the spec (development mode); throws on a bad one. */
  readonly validateOutgoing: boolean;
  readonly backpressure: Backpressure;
  /** Told when the peer stalls past the limits (the socket is being closed with 4008). */
  readonly onBackpressure: (error: LlmSocketError) => void;
}

/** Polling interval while paused: `ws` has no drain event, and a paused turn costs nothing else. */
const DRAIN_POLL_MS = 5;

export class LlmSession implements StreamHost {
  #ws: WebSocket | undefined;
  readonly #options: SessionOptions;
  readonly #ended = new AbortController();
  #latestResponseId = -1;
  #current: ResponseStream | undefined;
  #transcript: readonly LlmSocketUtterance[] = [];
  #call: LlmSocketCallDetails['call'] | undefined;
  #connections = 0;
  /** Free storage for the application (conversation state, an LLM client...). */
  readonly data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

  constructor(
    readonly callId: string,
    ws: WebSocket,
    options: SessionOptions,
  ) {
    this.#options = options;
    this.attach(ws);
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

  /** How many sockets this call has had (1, then 2 after a reconnect...). */
  get connections(): number {
    return this.#connections;
  }

  /** Aborted when the call ends (not when a socket drops and Retell may reconnect). */
  get signal(): AbortSignal {
    return this.#ended.signal;
  }

  /** A socket is attached and open. */
  get open(): boolean {
    return !this.#ended.signal.aborted && this.#ws !== undefined && this.#ws.readyState === this.#ws.OPEN;
  }

  /** The socket currently attached (undefined between a drop and a reconnect). */
  get socket(): WebSocket | undefined {
    return this.#ws;
  }

  isCurrent(responseId: number): boolean {
    // Before any request, id 0 is the begin message the agent speaks first.
    return responseId === this.#latestResponseId || (this.#latestResponseId === -1 && responseId === 0);
  }

  /**
   * Sends a message (typed by the union of what your server may send). `response` messages should go
   * through `respond()`, which keeps their ids right; one sent here for a stale id is dropped. Returns
   * false when nothing was sent (no open socket, stale id, or the buffer limit was hit). In development
   * mode an invalid message throws `LlmSocketError` instead of reaching Retell.
   */
  send(message: LlmMessage): boolean {
    if (message.response_type === 'response' && !this.isCurrent(message.response_id)) return false;
    return this.#write(message);
  }

  sendResponse(message: LlmMessage & { response_type: 'response' }): boolean {
    return this.#write(message);
  }

  #write(message: LlmMessage): boolean {
    const ws = this.#ws;
    if (!ws || !this.open) return false;
    if (this.#options.validateOutgoing) checkLlmMessage(message as unknown as JsonObject);
    if (ws.bufferedAmount > this.#options.backpressure.maxBufferedBytes) {
      this.#overflow(ws, `the peer is not reading: ${ws.bufferedAmount} bytes buffered, limit ${this.#options.backpressure.maxBufferedBytes}`);
      return false;
    }
    ws.send(JSON.stringify(message));
    return true;
  }

  #overflow(ws: WebSocket, reason: string): void {
    this.#options.onBackpressure(new LlmSocketError('backpressure', reason));
    this.#current?.abort('closed');
    ws.close(CLOSE_BACKPRESSURE, 'send buffer full');
    // A peer that does not read will not read the close frame either.
    setTimeout(() => ws.terminate(), 1000).unref();
  }

  /** True while the send buffer is under the high-water mark (an answer may go on generating). */
  writable(): boolean {
    return (this.#ws?.bufferedAmount ?? 0) <= this.#options.backpressure.highWaterMark;
  }

  /**
   * Resolves once the send buffer is back under the high-water mark, or the socket is gone. A buffer
   * that does not shrink for `stallTimeoutMs` closes the socket with 4008.
   */
  async whenWritable(): Promise<void> {
    const { highWaterMark, stallTimeoutMs } = this.#options.backpressure;
    let lowest = Number.POSITIVE_INFINITY;
    let progressAt = Date.now();
    for (;;) {
      const ws = this.#ws;
      if (!ws || ws.readyState !== ws.OPEN || ws.bufferedAmount <= highWaterMark) return;
      if (ws.bufferedAmount < lowest) {
        lowest = ws.bufferedAmount;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > stallTimeoutMs) {
        this.#overflow(ws, `the peer read nothing for ${stallTimeoutMs} ms (${ws.bufferedAmount} bytes buffered)`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
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
    const ws = this.#ws;
    this.end();
    if (ws && (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING)) ws.close(1000, reason.slice(0, 120));
  }

  // ---- called by the handler ----------------------------------------------------------------------

  /** A (new) socket for this call: the first one, or Retell's reconnect. */
  attach(ws: WebSocket): void {
    this.#ws = ws;
    this.#connections++;
  }

  /** The socket dropped: the answer in progress is lost with it; the call may still be resumed. */
  detach(ws: WebSocket): void {
    if (this.#ws !== ws) return;
    this.#ws = undefined;
    this.#current?.abort('closed');
  }

  /** A new request: it becomes the current id and the previous answer is aborted. */
  beginTurn(request: TurnRequest): ResponseStream {
    if (request.response_id <= this.#latestResponseId) {
      throw new LlmSocketError('protocol', `${request.interaction_type}: response_id ${request.response_id} is not newer than ${this.#latestResponseId}`, '/response_id');
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

  /** The call is over: every answer is dropped and `signal` aborts. */
  end(): void {
    this.#current?.abort('closed');
    this.#ws = undefined;
    if (!this.#ended.signal.aborted) this.#ended.abort('closed');
  }
}
