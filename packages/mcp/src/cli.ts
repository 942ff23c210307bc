/**
 * `retell-kit-mcp` (also `retell-kit mcp`): argv → a server on stdio (default) or Streamable HTTP.
 *
 *   retell-kit-mcp [--tools=code,endpoints,dynamic] [--resource=agent,call] [--read-only]
 *                  [--allow=agent.*,call.list] [--deny=agent.delete]
 *                  [--transport=stdio|http] [--port=3333] [--host=127.0.0.1]
 *                  [--timeout-ms=30000] [--memory-mb=64]
 */
import { parseArgs } from 'node:util';
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
  --max-calls=<n>        execute: HTTP requests per run, pages and retries included (default 50)
  --typecheck-timeout=<s> execute: deadline of one type check in seconds (default 10)
  --checkers=<n>         type checkers side by side (default 2)
  --max-sandboxes=<n>    sandboxes running at once; more wait, then get "busy, retry" (default 4)
  --allowed-origins=<o>  HTTP: Origin values accepted besides loopback (http://localhost:5173,...)
  --allowed-hosts=<h>    HTTP: Host names accepted besides loopback (mcp.internal,...)
  --sessions-per-key=<n> HTTP: open sessions per API key; the idlest is closed past it (default 8)

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
  /** Deadline of one type check, seconds. */
  readonly typecheckTimeoutS?: number;
  readonly checkers?: number;
  readonly maxSandboxes?: number;
  readonly maxCalls?: number;
  /** HTTP: extra Origin values (`http://localhost:5173`) and Host names accepted besides loopback. */
  readonly allowedOrigins: string[];
  readonly allowedHosts: string[];
  readonly sessionsPerKey?: number;
  readonly help: boolean;
}

export class UsageError extends Error {}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'read-only': { type: 'boolean' },
  tools: { type: 'string', multiple: true },
  resource: { type: 'string', multiple: true },
  allow: { type: 'string', multiple: true },
  deny: { type: 'string', multiple: true },
  transport: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'memory-mb': { type: 'string' },
  'typecheck-timeout': { type: 'string' },
  checkers: { type: 'string' },
  'max-sandboxes': { type: 'string' },
  'max-calls': { type: 'string' },
  'allowed-origins': { type: 'string', multiple: true },
  'allowed-hosts': { type: 'string', multiple: true },
  'sessions-per-key': { type: 'string' },
} as const;

const list = (values: readonly string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);

/** node:util parseArgs, its errors turned into usage errors that name the option. */
function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]!.slice(0, 60)}`);
    const needs = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (needs) throw new UsageError(`${needs[1]} needs a value`);
    throw new UsageError(message.split('\n')[0]!.slice(0, 200));
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values: v, positionals } = parse(argv);
  const help = v.help === true || positionals[0] === 'help';
  const stray = positionals.find((p) => p !== 'help');
  if (stray !== undefined) throw new UsageError(`unexpected argument "${stray.slice(0, 60)}"`);
  const int = (name: keyof typeof OPTIONS, min: number, max: number): number | undefined => {
    const raw = v[name];
    if (raw === undefined || typeof raw !== 'string') return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  const modes: ToolMode[] = [];
  for (const mode of list(v.tools)) {
    if (mode !== 'code' && mode !== 'endpoints' && mode !== 'dynamic') throw new UsageError(`--tools: unknown mode "${mode.slice(0, 40)}" (code, endpoints, dynamic)`);
    modes.push(mode);
  }
  const transport = v.transport ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http') throw new UsageError('--transport must be stdio or http');
  const optional = <K extends string, T>(key: K, value: T | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, T>));
  return {
    modes: modes.length > 0 ? modes : ['code'],
    filter: { resources: list(v.resource), readOnly: v['read-only'] === true, allow: list(v.allow), deny: list(v.deny) },
    transport,
    port: int('port', 0, 65535) ?? 3333,
    host: v.host ?? '127.0.0.1',
    help,
    allowedOrigins: list(v['allowed-origins']),
    allowedHosts: list(v['allowed-hosts']),
    ...optional('timeoutMs', int('timeout-ms', 100, 600_000)),
    ...optional('memoryMb', int('memory-mb', 4, 4096)),
    ...optional('typecheckTimeoutS', int('typecheck-timeout', 1, 600)),
    ...optional('checkers', int('checkers', 1, 16)),
    ...optional('maxSandboxes', int('max-sandboxes', 1, 256)),
    ...optional('maxCalls', int('max-calls', 1, 10_000)),
    ...optional('sessionsPerKey', int('sessions-per-key', 1, 10_000)),
  };
}

export interface RunOptions {
  /** Folder from which `@retell-kit/sdk` resolves (the package root). */
  readonly packageRoot: string;
  /** The sandbox worker module (see ContextOptions.sandboxEntry). */
  readonly sandboxEntry?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
  /** stdio: exit the process when stdin ends or the parent process dies (the bin sets it). */
  readonly exitWithClient?: boolean;
}

/** How often a stdio server checks that the process that started it is still there. */
const PARENT_CHECK_MS = 2_000;

/**
 * Ends a stdio server with its client: stdin's end (the client closed the pipe) or a new parent (the
 * client was killed and the process was re-parented) stops it instead of leaving an orphan.
 */
function exitWithClient(close: () => Promise<void>, log: (line: string) => void): void {
  const parent = process.ppid;
  let exiting = false;
  const exit = (why: string) => {
    if (exiting) return;
    exiting = true;
    log(`retell-kit-mcp: ${why}; exiting`);
    const force = setTimeout(() => process.exit(0), 3_000);
    force.unref();
    close().finally(() => process.exit(0));
  };
  process.stdin.once('end', () => exit('stdin closed'));
  process.stdin.once('close', () => exit('stdin closed'));
  const watch = setInterval(() => {
    let alive = process.ppid === parent;
    if (alive) {
      try {
        process.kill(parent, 0);
      } catch {
        alive = false;
      }
    }
    if (!alive) exit('the parent process is gone');
  }, PARENT_CHECK_MS);
  watch.unref();
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
    limits: {
      ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
      ...(args.memoryMb ? { memoryBytes: args.memoryMb * 1024 * 1024 } : {}),
      ...(args.maxCalls ? { maxCalls: args.maxCalls } : {}),
    },
    checker: { ...(args.typecheckTimeoutS ? { deadlineMs: args.typecheckTimeoutS * 1000 } : {}), ...(args.checkers ? { size: args.checkers } : {}) },
    pool: args.maxSandboxes ? { maxConcurrent: args.maxSandboxes } : {},
  });
  const baseURL = env['RETELL_BASE_URL'] || undefined;
  if (args.transport === 'http') {
    // Loaded only for HTTP: the Streamable HTTP transport's dependencies cost stdio users start time.
    const { startHttpServer } = await import('./http.js');
    const http = await startHttpServer(ctx, {
      host: args.host,
      port: args.port,
      allowedOrigins: args.allowedOrigins,
      allowedHosts: args.allowedHosts,
      ...(args.sessionsPerKey ? { sessionsPerKey: args.sessionsPerKey } : {}),
      ...(baseURL ? { baseURL } : {}),
      log,
    });
    log(`retell-kit-mcp: Streamable HTTP on ${http.url} (${ctx.methods.length} methods; tools: ${args.modes.join(', ')})`);
    ctx.warmUp().catch((e: unknown) => log(`retell-kit-mcp: warm-up failed: ${e instanceof Error ? e.message : String(e)}`));
    return { close: async () => Promise.all([http.close(), ctx.close()]).then(() => undefined) };
  }
  const apiKey = env['RETELL_API_KEY'];
  const warmUp = () => {
    ctx.warmUp().then(() => log('retell-kit-mcp: warm (type checkers and a sandbox ready)')).catch((e: unknown) => log(`retell-kit-mcp: warm-up failed: ${e instanceof Error ? e.message : String(e)}`));
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
  const close = async () => Promise.all([server.close(), ctx.close()]).then(() => undefined);
  if (run.exitWithClient) exitWithClient(close, log);
  return { close };
}

/** For bins: exit code 2 on bad usage. */
export async function main(argv: readonly string[], packageRoot: string, sandboxEntry?: string): Promise<number> {
  try {
    await runCli(argv, { packageRoot, exitWithClient: true, ...(sandboxEntry ? { sandboxEntry } : {}) });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`retell-kit-mcp: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
