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
import { readRetellMessage, warmUp } from '../protocol/validate.js';
import { compilePath, DEFAULT_PATH } from './path.js';
import { CLOSE_REPLACED, DEFAULT_BACKPRESSURE, LlmSession, type Backpressure } from './session.js';
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

/**
 * What `authorize` may answer: true/false, or a refusal with its HTTP status. Runs on every upgrade,
 * before any state of the call is touched.
 */
export type AuthorizeResult = boolean | { readonly ok: false; readonly status?: 401 | 403 | 404; readonly reason?: string };

export interface LlmSocketHandlerOptions {
  /**
   * Decides whether an upgrade may proceed (e.g. check a signature in the URL's query, see the README).
   * Without it every upgrade is accepted, but a second socket for a call whose socket is still open is
   * refused (409): only an authorised connection may replace a live one.
   */
  readonly authorize?: (request: IncomingMessage, callId: string) => AuthorizeResult | Promise<AuthorizeResult>;
  /**
   * How long a call's state is kept after its socket drops without a normal close, waiting for Retell
   * to reconnect with the same call id (then `onReconnect` runs instead of `onConnect`). Default
   * 30,000 ms when `config.auto_reconnect` is on, else 0.
   */
  readonly resumeWindowMs?: number;
  /** A reconnect resumed this call (the greeting is not re-sent; `session.transcript` and `data` carried over). */
  readonly onReconnect?: (session: LlmSession) => void | Promise<void>;
  /** Send-buffer limits: generation pauses above `highWaterMark`; past `maxBufferedBytes` the socket closes with 4008. */
  readonly backpressure?: Partial<Backpressure>;
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
  /**
   * Malformed or unknown messages, protocol breaches, callback failures (`severity: 'error'`), and
   * departures from the spec that were tolerated and answered (`severity: 'warning'`, code `tolerated`).
   * Default: `console.error` / `console.warn`.
   */
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
  const resumeWindowMs = options.resumeWindowMs ?? (config.auto_reconnect ? 30_000 : 0);
  const backpressure: Backpressure = { ...DEFAULT_BACKPRESSURE, ...options.backpressure };
  const report =
    options.onError ??
    ((error: LlmSocketError, session: LlmSession | undefined) =>
      (error.severity === 'warning' ? console.warn : console.error)(`[llm-socket${session ? ` ${session.callId}` : ''}] ${error.severity} ${error.code}: ${error.message}`));
  const onError = (error: unknown, session: LlmSession | undefined): void => {
    try {
      report(toSocketError(error), session);
    } catch {
      // An error hook that throws must not take the connection down with it.
    }
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD, perMessageDeflate: false });
  const sessions = new Map<string, LlmSession>();
  /** Calls whose socket dropped, waiting for a reconnect: the timer that ends them. */
  const detached = new Map<LlmSession, NodeJS.Timeout>();
  let standalone: Server | undefined;
  let closing = false;
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

  /** The call is over: the session is forgotten and `onClose` runs once. */
  function endSession(session: LlmSession, code: number, reason: string): void {
    clearTimeout(detached.get(session));
    detached.delete(session);
    if (session.signal.aborted) return;
    session.end();
    if (sessions.get(session.callId) === session) sessions.delete(session.callId);
    if (options.onClose) guard(session, () => options.onClose!(session, code, reason));
  }

  function onConnection(ws: WebSocket, callId: string): void {
    const previous = sessions.get(callId);
    let session: LlmSession;
    const resumed = previous !== undefined && !previous.signal.aborted;
    if (resumed) {
      // Retell reconnected (or an authorised client replaced the socket): same call, same state.
      session = previous;
      clearTimeout(detached.get(session));
      detached.delete(session);
      const old = session.socket;
      if (old) {
        session.detach(old);
        old.close(CLOSE_REPLACED, 'replaced by a reconnect for the same call');
      }
      session.attach(ws);
    } else {
      session = new LlmSession(callId, ws, { config, validateOutgoing, backpressure, onBackpressure: (error) => onError(error, session) });
      sessions.set(callId, session);
    }
    ws.on('error', (error) => onError(new LlmSocketError(/max payload/i.test(error.message) ? 'too-large' : 'socket', error.message, undefined, { cause: error }), session));
    ws.on('close', (code, reason) => {
      if (session.socket !== ws && session.socket !== undefined) return; // replaced: the session lives on
      session.detach(ws);
      const text = reason.toString('utf8');
      // 1000 is Retell ending the call; any other close may be followed by a reconnect.
      if (code === 1000 || resumeWindowMs <= 0 || closing) return endSession(session, code, text);
      const timer = setTimeout(() => endSession(session, code, text), resumeWindowMs);
      timer.unref();
      detached.set(session, timer);
    });
    ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) throw new LlmSocketError('malformed-json', 'binary frames are not part of the protocol');
        const { message, warnings } = readRetellMessage(parseFrame(data as Buffer, maxDepth));
        for (const warning of warnings) onError(warning, session);
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
    if (resumed) {
      if (options.onReconnect) guard(session, () => options.onReconnect!(session));
    } else if (options.onConnect) guard(session, () => options.onConnect!(session));
  }

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callId: string): Promise<void> {
    let verdict: AuthorizeResult = true;
    if (options.authorize) {
      try {
        verdict = await options.authorize(request, callId);
      } catch (error) {
        onError(error, undefined);
        verdict = false;
      }
    }
    if (socket.destroyed) return;
    if (verdict !== true) {
      const status = typeof verdict === 'object' ? (verdict.status ?? 401) : 401;
      onError(new LlmSocketError('unauthorized', `upgrade for call ${JSON.stringify(callId.slice(0, 80))} refused by authorize (${status})${typeof verdict === 'object' && verdict.reason ? `: ${verdict.reason}` : ''}`, undefined, { severity: 'warning' }), undefined);
      return refuse(socket, status, status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Unauthorized');
    }
    const live = sessions.get(callId);
    if (!options.authorize && live?.open) {
      // Without an authorize hook, knowing a call id must not be enough to take over its socket.
      onError(new LlmSocketError('unauthorized', `a second socket for live call ${JSON.stringify(callId.slice(0, 80))} refused (409): replacing a live socket needs an authorize hook`, undefined, { severity: 'warning' }), live);
      return refuse(socket, 409, 'Conflict');
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, callId));
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const matched = match(request.url);
    if (!matched || closing) return false;
    socket.on('error', () => socket.destroy());
    void upgrade(request, socket, head, matched.callId);
    return true;
  }

  function attach(server: Server): () => void {
    const listener = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      if (handleUpgrade(request, socket, head)) return;
      // Only answer for paths nobody else handles: another upgrade listener may own them.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
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
      closing = true;
      for (const session of [...sessions.values()]) endSession(session, 1001, 'server closing');
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
