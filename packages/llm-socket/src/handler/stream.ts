/**
 * The writer of one answer: `response` messages carrying one `response_id`, ended by a message with
 * `content_complete: true`. It is the only way the helper sends `response` messages, and it sends
 * nothing once its id is stale (a newer request arrived), once it is complete, or once the socket is
 * closed; `signal` is aborted at that moment so an LLM request feeding it can be cancelled.
 */
import type { ResponseOptions } from '../protocol/types.js';

/** What an answer can be made of: text, or chunks of text (an LLM's token stream), with options on any chunk. */
export type ResponseChunk = string | ({ content?: string } & ResponseOptions);
export type ResponseSource = ResponseChunk | Iterable<ResponseChunk> | AsyncIterable<ResponseChunk>;

/** What the stream needs from its session: whether its id is still current, and a way to send. */
export interface StreamHost {
  isCurrent(responseId: number): boolean;
  sendResponse(message: { response_type: 'response'; response_id: number; content: string; content_complete: boolean } & ResponseOptions): boolean;
  /** The send buffer is under its high-water mark. */
  writable(): boolean;
  /** Resolves once it is again (or the socket is gone). */
  whenWritable(): Promise<void>;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ResponseChunk> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value;
}

function isIterable(value: unknown): value is Iterable<ResponseChunk> {
  return value !== null && typeof value === 'object' && Symbol.iterator in value;
}

export class ResponseStream {
  readonly #host: StreamHost;
  readonly #controller = new AbortController();
  #complete = false;
  #chunks = 0;

  constructor(
    host: StreamHost,
    readonly responseId: number,
  ) {
    this.#host = host;
  }

  /** Aborted when this answer is superseded by a newer request or the call ends. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once `end()` ran (content_complete sent) or the stream was dropped. */
  get done(): boolean {
    return this.#complete || this.#controller.signal.aborted;
  }

  /** Chunks sent so far. */
  get chunks(): number {
    return this.#chunks;
  }

  /** Drops the stream: nothing more is sent and `signal` aborts with `reason` (unless it was complete). */
  abort(reason: 'superseded' | 'closed' | 'failed'): void {
    // A finished answer has nothing left to cancel: its signal stays quiet.
    if (!this.#complete && !this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  #send(content: string, complete: boolean, options?: ResponseOptions): boolean {
    if (this.done) return false;
    if (!this.#host.isCurrent(this.responseId)) {
      this.abort('superseded');
      return false;
    }
    if (complete) this.#complete = true;
    const ok = this.#host.sendResponse({ response_type: 'response', response_id: this.responseId, content, content_complete: complete, ...options });
    if (ok) this.#chunks++;
    else this.abort('closed');
    return ok;
  }

  /** Sends one chunk; returns false (and sends nothing) when the stream is done, stale or closed. */
  write(content: string, options?: ResponseOptions): boolean {
    return this.#send(content, false, options);
  }

  /**
   * Resolves when more may be written: at once while the socket's send buffer is under its high-water
   * mark, else once the peer has read enough. `pipe()` waits on it before every chunk; await it between
   * your own `write()` calls when you produce faster than the network takes.
   */
  ready(): Promise<void> {
    return this.#host.writable() ? Promise.resolve() : this.#host.whenWritable();
  }

  /** Sends the last message (`content_complete: true`), with optional final text and options. */
  end(content = '', options?: ResponseOptions): boolean {
    return this.#send(content, true, options);
  }

  /**
   * Streams `source` and ends the answer. Options given on chunks (e.g. `end_call`) are carried to the
   * final message. Stops reading `source` at the first chunk after the stream is dropped (its
   * iterator's `return()` runs); pass `signal` to the request feeding it to stop it at once.
   */
  async pipe(source: ResponseSource): Promise<void> {
    if (typeof source === 'string' || !(isAsyncIterable(source) || isIterable(source))) {
      const chunk = typeof source === 'string' ? { content: source } : source;
      const { content = '', ...options } = chunk;
      this.end(content, options);
      return;
    }
    let final: ResponseOptions = {};
    for await (const chunk of source as AsyncIterable<ResponseChunk>) {
      if (this.done) break;
      // Backpressure: the source is not pulled while the peer is behind, so generation pauses.
      if (!this.#host.writable()) {
        await this.#host.whenWritable();
        if (this.done) break;
      }
      if (typeof chunk === 'string') {
        if (chunk.length > 0) this.write(chunk);
        continue;
      }
      const { content = '', ...options } = chunk;
      final = { ...final, ...options };
      if (content.length > 0) this.write(content);
    }
    if (!this.done) this.end('', final);
  }
}
