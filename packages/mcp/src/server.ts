/**
 * One MCP server (one session): the tool list and tool calls of the chosen modes, over whatever
 * transport connects it. `clientFor` gives the SDK client for a call (from the environment locally,
 * from the request's key over HTTP).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { ApiCredentials } from './api-client.js';
import type { ServerContext } from './context.js';
import { callTool, listTools } from './tools.js';
import { MCP_VERSION } from './version.js';

export type CallExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;
export type ClientFor = (extra: CallExtra) => ApiCredentials;

/**
 * `afterFirstList`: runs once, shortly after the first tools/list is answered: the moment to warm the
 * type checker (seconds of CPU) without delaying the client's handshake and tool list.
 */
export function createMcpServer(ctx: ServerContext, clientFor: ClientFor, afterFirstList?: () => void): Server {
  let listed = false;
  const server = new Server(
    { name: 'retell-kit-mcp', version: MCP_VERSION },
    {
      capabilities: { tools: {}, logging: {} },
      instructions:
        'Retell AI API tools. Find the method with search_docs, then call it from TypeScript with execute (`async function run(client) { ... }`), or through the endpoint tools when they are enabled.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => {
    if (!listed && afterFirstList) setTimeout(afterFirstList, 50).unref();
    listed = true;
    return { tools: listTools(ctx).map((t) => ({ ...t, inputSchema: { ...t.inputSchema } })) };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const started = performance.now();
    const result = await callTool(ctx, request.params.name, request.params.arguments, () => clientFor(extra));
    // One log notification per tool call (the client chooses the level with logging/setLevel): the
    // tool, the outcome and its first line; never arguments, results or keys.
    const first = (result.content[0]?.text ?? '').split('\n').find((l) => /^(Error|Not run)/.test(l)) ?? '';
    const refused = /is not allowed|refused by the MCP server/.test(result.content[0]?.text ?? '');
    void server
      .sendLoggingMessage(
        {
          level: refused ? 'warning' : result.isError ? 'notice' : 'info',
          logger: 'retell-kit-mcp',
          data: { tool: String(request.params.name).slice(0, 64), ok: !result.isError, ms: Math.round(performance.now() - started), ...(first ? { error: first.slice(0, 300) } : {}) },
        },
        extra.sessionId,
      )
      .catch(() => undefined);
    return { ...result };
  });
  return server;
}
