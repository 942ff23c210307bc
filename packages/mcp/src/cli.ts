/**
 * `retell-kit-mcp` (also `retell-kit mcp`): argv → a server on stdio (default) or Streamable HTTP.
 *
 *   retell-kit-mcp [--tools=code,endpoints,dynamic] [--resource=agent,call] [--read-only]
 *                  [--allow=agent.*,call.list] [--deny=agent.delete]
 *                  [--transport=stdio|http] [--port=3333] [--host=127.0.0.1]
 *                  [--timeout-ms=30000] [--memory-mb=64]
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createContext } from './context.js';
import type { MethodFilter } from './filters.js';
import { createMcpServer } from './server.js';
import { MissingKeyError, type ToolMode } from './tools.js';

export const USAGE = `retell-kit-mcp: MCP server for the Retell AI API

  --tools=<modes>        code (search_docs + execute; default), endpoints (one tool per method), dynamic
                         (list_endpoints, describe_endpoint, invoke_endpoint); comma-separated to combine
  --resource=<names>     only these SDK resources (agent, call, llm, ...)
  --read-only            only methods that change nothing (also inside execute)
  --allow=<ids>          only these methods (agent.create, agent.*, agent_create)
  --deny=<ids>           never these methods
  --transport=stdio|http stdio (default) or Streamable HTTP
  --port=<n>             HTTP port (default 3333); --host=<addr> (default 127.0.0.1)
  --timeout-ms=<n>       execute: wall time per run (default 30000)
  --memory-mb=<n>        execute: sandbox heap (default 64)

Local (stdio): the key is RETELL_API_KEY, the base URL RETELL_BASE_URL. HTTP: the key comes with each
request (Authorization: Bearer <key> or X-Retell-Api-Key); RETELL_BASE_URL still sets the base URL.`;

export interface CliOptions {
  readonly modes: ToolMode[];
  readonly filter: MethodFilter;
  readonly transport: 'stdio' | 'http';
  readonly port: number;
  readonly host: string;
  readonly timeoutMs?: number;
  readonly memoryMb?: number;
  readonly help: boolean;
}

export class UsageError extends Error {}

const KNOWN_OPTIONS = new Set(['tools', 'resource', 'allow', 'deny', 'transport', 'port', 'host', 'timeout-ms', 'memory-mb']);

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const out = { modes: [] as ToolMode[], resources: [] as string[], allow: [] as string[], deny: [] as string[], readOnly: false, transport: 'stdio' as 'stdio' | 'http', port: 3333, host: '127.0.0.1', help: false, timeoutMs: undefined as number | undefined, memoryMb: undefined as number | undefined };
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h' || arg === 'help') {
      out.help = true;
      continue;
    }
    if (arg === '--read-only') {
      out.readOnly = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const name = m[1]!;
    if (!KNOWN_OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    switch (name) {
      case 'tools':
        for (const mode of list(value)) {
          if (mode !== 'code' && mode !== 'endpoints' && mode !== 'dynamic') throw new UsageError(`--tools: unknown mode "${mode}" (code, endpoints, dynamic)`);
          out.modes.push(mode);
        }
        break;
      case 'resource':
        out.resources.push(...list(value));
        break;
      case 'allow':
        out.allow.push(...list(value));
        break;
      case 'deny':
        out.deny.push(...list(value));
        break;
      case 'transport':
        if (value !== 'stdio' && value !== 'http') throw new UsageError('--transport must be stdio or http');
        out.transport = value;
        break;
      case 'port':
        out.port = int(name, value, 0, 65535);
        break;
      case 'host':
        out.host = value;
        break;
      case 'timeout-ms':
        out.timeoutMs = int(name, value, 100, 600_000);
        break;
      case 'memory-mb':
        out.memoryMb = int(name, value, 4, 4096);
        break;
      default:
        throw new UsageError(`unknown option --${name}`);
    }
  }
  return {
    modes: out.modes.length > 0 ? out.modes : ['code'],
    filter: { resources: out.resources, readOnly: out.readOnly, allow: out.allow, deny: out.deny },
    transport: out.transport,
    port: out.port,
    host: out.host,
    help: out.help,
    ...(out.timeoutMs !== undefined ? { timeoutMs: out.timeoutMs } : {}),
    ...(out.memoryMb !== undefined ? { memoryMb: out.memoryMb } : {}),
  };
}

export interface RunOptions {
  /** Folder from which `@retell-kit/sdk` resolves (the package root). */
  readonly packageRoot: string;
  /** The sandbox worker module (see ContextOptions.sandboxEntry). */
  readonly sandboxEntry?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}

/** Starts the server; resolves once it is listening (stdio: connected). Returns a closer. */
export async function runCli(argv: readonly string[], run: RunOptions): Promise<{ close(): Promise<void> } | undefined> {
  const env = run.env ?? process.env;
  const log = run.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const args = parseCliArgs(argv);
  if (args.help) {
    log(USAGE);
    return undefined;
  }
  const ctx = createContext({
    packageRoot: run.packageRoot,
    ...(run.sandboxEntry ? { sandboxEntry: run.sandboxEntry } : {}),
    modes: args.modes,
    filter: args.filter,
    limits: { ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}), ...(args.memoryMb ? { memoryBytes: args.memoryMb * 1024 * 1024 } : {}) },
  });
  const baseURL = env['RETELL_BASE_URL'] || undefined;
  if (args.transport === 'http') {
    // Loaded only for HTTP: the Streamable HTTP transport's dependencies cost stdio users start time.
    const { startHttpServer } = await import('./http.js');
    const http = await startHttpServer(ctx, { host: args.host, port: args.port, ...(baseURL ? { baseURL } : {}), log });
    log(`retell-kit-mcp: Streamable HTTP on ${http.url} (${ctx.methods.length} methods; tools: ${args.modes.join(', ')})`);
    ctx.warmUp().catch((e: unknown) => log(`retell-kit-mcp: warm-up failed: ${e instanceof Error ? e.message : String(e)}`));
    return { close: async () => Promise.all([http.close(), ctx.close()]).then(() => undefined) };
  }
  const apiKey = env['RETELL_API_KEY'];
  const warmUp = () => {
    ctx.warmUp().catch((e: unknown) => log(`retell-kit-mcp: warm-up failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  // The type checker and the sandbox warm up once the client has its tool list, not during the handshake.
  const server = createMcpServer(
    ctx,
    () => {
      if (!apiKey) throw new MissingKeyError('RETELL_API_KEY is not set in the MCP server\'s environment; add it to the server\'s "env" in your client configuration.');
      return { apiKey, ...(baseURL ? { baseURL } : {}) };
    },
    warmUp,
  );
  await server.connect(new StdioServerTransport());
  log(`retell-kit-mcp: stdio (${ctx.methods.length} methods; tools: ${args.modes.join(', ')})`);
  return { close: async () => Promise.all([server.close(), ctx.close()]).then(() => undefined) };
}

/** For bins: exit code 2 on bad usage. */
export async function main(argv: readonly string[], packageRoot: string, sandboxEntry?: string): Promise<number> {
  try {
    await runCli(argv, { packageRoot, ...(sandboxEntry ? { sandboxEntry } : {}) });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`retell-kit-mcp: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
