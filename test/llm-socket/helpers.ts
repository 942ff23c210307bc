/** Loopback servers for the llm-socket suites: the helper under test, and bare ws servers that misbehave on purpose. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createLlmSocketHandler, type LlmSocketError, type LlmSocketHandlerOptions, type LlmSession } from '../../packages/llm-socket/src/index.js';

export interface Started {
  readonly url: string;
  readonly errors: Array<{ error: LlmSocketError; callId: string | undefined }>;
  close(): Promise<void>;
}

/** The helper on 127.0.0.1:<free port>; errors are collected instead of printed. */
export async function startHandler(options: LlmSocketHandlerOptions): Promise<Started & { handler: ReturnType<typeof createLlmSocketHandler> }> {
  const errors: Started['errors'] = [];
  const handler = createLlmSocketHandler({
    ...options,
    onError: (error: LlmSocketError, session: LlmSession | undefined) => {
      errors.push({ error, callId: session?.callId });
      options.onError?.(error, session);
    },
  });
  const { url } = await handler.listen({ port: 0 });
  return { url, errors, handler, close: () => handler.close() };
}

/** A bare ws server (no helper) whose every connection runs `behave`: for servers that break the protocol. */
export async function startBareServer(behave: (ws: WebSocket, send: (message: unknown) => void) => void): Promise<Started> {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    behave(ws, (message) => {
      if (ws.readyState === ws.OPEN) ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/llm-websocket`,
    errors: [],
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Parsed incoming frames of a bare server's connection. */
export function onJson(ws: WebSocket, fn: (message: Record<string, unknown>) => void): void {
  ws.on('message', (data) => fn(JSON.parse(String(data)) as Record<string, unknown>));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Text streamed word by word, stopping when `signal` aborts. */
export async function* words(text: string, delayMs: number, signal?: AbortSignal): AsyncGenerator<string> {
  for (const word of text.split(' ')) {
    if (signal?.aborted) return;
    await sleep(delayMs);
    yield `${word} `;
  }
}
