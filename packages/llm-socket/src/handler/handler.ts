/**
 * `createLlmSocketHandler`: a WebSocket server (ws, `noServer`) for Retell's custom-LLM protocol. It
 * attaches to an existing http.Server on a path with the call id, or listens on its own. Each
 * connection becomes an `LlmSession`; every frame is parsed within bounds, validated against the spec
 * and dispatched to the user's callbacks. Whatever a connection or a callback does wrong is reported
 * to `onError` and stays on that connection: the process and the other calls go on.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LlmSocketError } from '../protocol/errors.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD, parseFrame } from '../protocol/parse.js';
import type {
  LlmSocketCallDetails,
  LlmSocketReminderRequired,
  LlmSocketResponseRequired,
  LlmSocketUpdateOnly,
  RetellMessage,
  SocketConfig,
} from '../protocol/types.js';
import { checkRetellMessage, warmUp } from '../protocol/validate.js';
import { compilePath, DEFAULT_PATH } from './path.js';
import { LlmSession } from './session.js';
import type { ResponseSource, ResponseStream } from './stream.js';

/** What a turn callback gets besides the request: the session, the answer's writer and its abort signal. */
export interface Turn {
  readonly session: LlmSession;
  readonly responseId: number;
  /** The writer for this answer; or return the answer from the callback and the helper streams it. */
  readonly stream: ResponseStream;
  /** Aborted when a newer request supersedes this one or the call ends: pass it to your LLM request. */
  readonly signal: AbortSignal;
}

/** A turn callback returns the answer (text, or an async iterable of chunks), or writes `turn.stream` itself. */
export type TurnCallback<R> = (request: R, turn: Turn) => ResponseSource | void | Promise<ResponseSource | void>;

export interface LlmSocketHandlerOptions {
  /** Sent first on every connection. Default: `{ auto_reconnect: true, call_details: true }`. */
  readonly config?: SocketConfig;
  /** Upgrade path with the call id. Default `/llm-websocket/:call_id`. */
  readonly path?: string;
  /** Called once a connection is open and `config` was sent; may send the begin message with `session.respond(0)`. */
  readonly onConnect?: (session: LlmSession) => void | Promise<void>;
  readonly onCallDetails?: (message: LlmSocketCallDetails, session: LlmSession) => void | Promise<void>;
  readonly onUpdate?: (message: LlmSocketUpdateOnly, session: LlmSession) => void | Promise<void>;
  readonly onResponseRequired?: TurnCallback<LlmSocketResponseRequired>;
  /** Default: no answer (an empty, complete response, so Retell is not left waiting). */
  readonly onReminderRequired?: TurnCallback<LlmSocketReminderRequired>;
  /** Every incoming message after validation, before the specific callback. */
  readonly onMessage?: (message: RetellMessage, session: LlmSession) => void;
  readonly onClose?: (session: LlmSession, code: number, reason: string) => void;
  /** Malformed or unknown messages, protocol breaches, callback failures. Default: `console.error`. */
  readonly onError?: (error: LlmSocketError, session: LlmSession | undefined) => void;
  /** Largest accepted frame in bytes (ws `maxPayload`; larger closes that socket with 1009). Default 1 MiB. */
  readonly maxPayload?: number;
  /** Deepest accepted JSON nesting. Default 32. */
  readonly maxDepth?: number;
  /** Validate outgoing messages against the spec. Default: on unless NODE_ENV is `production`. */
  readonly validateOutgoing?: boolean;
}

export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

export interface LlmSocketHandler {
  /** Handles `upgrade` events of `server` whose path matches; returns a function that detaches. */
  attach(server: Server): () => void;
  /** For frameworks that route upgrades themselves: true when the path matched and the socket was taken. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Standalone: an http.Server of its own. `url` is the ws:// base to give Retell (call id appended by Retell). */
  listen(options?: ListenOptions): Promise<{ readonly url: string; readonly port: number; readonly server: Server }>;
  /** Open sessions by call id. */
  readonly sessions: ReadonlyMap<string, LlmSession>;
  /** Closes every connection (1001) and the standalone server, if any. */
  close(): Promise<void>;
}

const DEFAULT_CONFIG: SocketConfig = { auto_reconnect: true, call_details: true };

function toSocketError(error: unknown): LlmSocketError {
  if (error instanceof LlmSocketError) return error;
  return new LlmSocketError('handler-failed', error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

export function createLlmSocketHandler(options: LlmSocketHandlerOptions = {}): LlmSocketHandler {
  const config = options.config ?? DEFAULT_CONFIG;
  const match = compilePath(options.path ?? DEFAULT_PATH);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const validateOutgoing = options.validateOutgoing ?? process.env['NODE_ENV'] !== 'production';
  const report = options.onError ?? ((error: LlmSocketError, session: LlmSession | undefined) => console.error(`[llm-socket${session ? ` ${session.callId}` : ''}] ${error.code}: ${error.message}`));
  const onError = (error: unknown, session: LlmSession | undefined): void => {
    try {
      report(toSocketError(error), session);
    } catch {
      // An error hook that throws must not take the connection down with it.
    }
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD, perMessageDeflate: false });
  const sessions = new Map<string, LlmSession>();
  let standalone: Server | undefined;
  warmUp();

  /** Runs a user callback; a throw or rejection goes to onError. */
  function guard(session: LlmSession, fn: () => unknown): void {
    try {
      const result = fn();
      if (result instanceof Promise) result.catch((error: unknown) => onError(error, session));
    } catch (error) {
      onError(error, session);
    }
  }

  function runTurn<R extends LlmSocketResponseRequired | LlmSocketReminderRequired>(session: LlmSession, request: R, callback: TurnCallback<R> | undefined): void {
    const stream = session.beginTurn(request);
    const turn: Turn = { session, responseId: request.response_id, stream, signal: stream.signal };
    if (!callback) {
      stream.end('');
      return;
    }
    void (async () => {
      try {
        const answer = await callback(request, turn);
        if (answer !== undefined && !stream.done) await stream.pipe(answer);
      } catch (error) {
        // An abort caused by the protocol (superseded, closed) is the expected end of a dropped answer.
        if (stream.signal.aborted && (error as Error)?.name === 'AbortError') return;
        onError(error, session);
      }
    })();
  }

  function dispatch(session: LlmSession, message: RetellMessage): void {
    options.onMessage?.(message, session);
    switch (message.interaction_type) {
      case 'ping_pong':
        if (session.config.auto_reconnect) session.send({ response_type: 'ping_pong', timestamp: message.timestamp });
        return;
      case 'call_details':
        session.setCall(message.call);
        if (options.onCallDetails) guard(session, () => options.onCallDetails!(message, session));
        return;
      case 'update_only':
        session.setTranscript(message.transcript);
        if (options.onUpdate) guard(session, () => options.onUpdate!(message, session));
        return;
      case 'response_required':
        runTurn(session, message, options.onResponseRequired);
        return;
      case 'reminder_required':
        runTurn(session, message, options.onReminderRequired);
        return;
    }
  }

  function onConnection(ws: WebSocket, callId: string): void {
    const session = new LlmSession(callId, ws, { config, validateOutgoing });
    // A reconnect for the same call replaces the old session (auto_reconnect).
    sessions.get(callId)?.close('replaced by a new connection');
    sessions.set(callId, session);
    ws.on('error', (error) => onError(new LlmSocketError(/max payload/i.test(error.message) ? 'too-large' : 'socket', error.message, undefined, { cause: error }), session));
    ws.on('close', (code, reason) => {
      session.closed();
      if (sessions.get(callId) === session) sessions.delete(callId);
      if (options.onClose) guard(session, () => options.onClose!(session, code, reason.toString('utf8')));
    });
    ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) throw new LlmSocketError('malformed-json', 'binary frames are not part of the protocol');
        const message = checkRetellMessage(parseFrame(data as Buffer, maxDepth));
        dispatch(session, message);
      } catch (error) {
        onError(error, session);
      }
    });
    try {
      session.send({ response_type: 'config', config });
    } catch (error) {
      onError(error, session);
    }
    if (options.onConnect) guard(session, () => options.onConnect!(session));
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const matched = match(request.url);
    if (!matched) return false;
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, matched.callId));
    return true;
  }

  function attach(server: Server): () => void {
    const listener = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      if (handleUpgrade(request, socket, head)) return;
      // Only answer for paths nobody else handles: another upgrade listener may own them.
      if (server.listenerCount('upgrade') === 1) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    };
    server.on('upgrade', listener);
    return () => server.off('upgrade', listener);
  }

  return {
    sessions,
    handleUpgrade,
    attach,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      const server = createServer((_req, res) => {
        res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket upgrade required\n');
      });
      attach(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      standalone = server;
      const address = server.address() as AddressInfo;
      const base = (options.path ?? DEFAULT_PATH).split(':call_id')[0]!.replace(/\/$/, '');
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `ws://${hostPart}:${address.port}${base}`, port: address.port, server };
    },
    async close() {
      for (const session of sessions.values()) session.closed();
      for (const ws of wss.clients) ws.close(1001, 'server closing');
      // Sockets that do not finish the close handshake promptly are cut.
      const timer = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, 1000);
      timer.unref();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (standalone) {
        const server = standalone;
        standalone = undefined;
        server.closeAllConnections?.();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      clearTimeout(timer);
    },
  };
}
