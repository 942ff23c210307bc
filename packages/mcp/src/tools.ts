/**
 * The tool sets a server offers and what each call does. Three modes, combinable:
 * - `code` (default): `search_docs` and `execute`;
 * - `endpoints`: one tool per SDK method with its trimmed input schema from the spec;
 * - `dynamic`: `list_endpoints`, `describe_endpoint`, `invoke_endpoint` (three tools whatever the API's size).
 * Every failure is a tool result with `isError: true` and a message saying what to change.
 */
import { createApiClient, RequestBudget, type ApiCredentials } from './api-client.js';
import { SdkBridge, toHostError } from './bridge.js';
import type { RequestPolicy } from './guard.js';
import type { MethodDoc } from './docs.js';
import { describeExecution, type Executor } from './execute.js';
import { toolName } from './filters.js';
import { HostCallError } from './sandbox.js';
import { EXAMPLE_LANGUAGES, type DocsSearch } from './search.js';

export type ToolMode = 'code' | 'endpoints' | 'dynamic';

export interface ToolDefinition {
  readonly name: string;
  readonly title?: string;
  readonly description: string;
  readonly inputSchema: { readonly type: 'object'; readonly [key: string]: unknown };
  readonly annotations?: { readonly readOnlyHint?: boolean; readonly destructiveHint?: boolean; readonly openWorldHint?: boolean };
}

export interface ToolResult {
  readonly content: { readonly type: 'text'; readonly text: string }[];
  readonly isError?: boolean;
  readonly [key: string]: unknown;
}

export interface ToolContext {
  readonly search: DocsSearch;
  readonly executor: Executor;
  /** The methods this server exposes (after filters). */
  readonly methods: readonly MethodDoc[];
  /** Every method of the index, filtered or not (to name what a refused call was). */
  readonly allMethods: readonly MethodDoc[];
  /** The filters as enforced on each request (guard.ts). */
  readonly policy: RequestPolicy;
  readonly modes: readonly ToolMode[];
}

const MAX_RESULT_CHARS = 200_000;

export function text(body: string, isError = false): ToolResult {
  return { content: [{ type: 'text', text: body }], ...(isError ? { isError: true } : {}) };
}

function cut(body: string): string {
  return body.length > MAX_RESULT_CHARS ? `${body.slice(0, MAX_RESULT_CHARS)}\n…(cut at ${MAX_RESULT_CHARS} characters)` : body;
}

function oneLine(s: string | undefined, max: number): string {
  const flat = (s ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const CODE_TOOLS: ToolDefinition[] = [
  {
    name: 'search_docs',
    title: 'Search the Retell API docs',
    description:
      'Search the Retell SDK reference: methods (signature, HTTP route, every parameter and response field, TypeScript and curl examples), webhook events and custom-LLM WebSocket messages. Returns markdown, best match first. Use it before writing code for `execute`.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What you want to do or know, in plain words (e.g. "make an outbound call").', maxLength: 500 },
        resource: { type: 'string', description: 'Only this resource (`agent`, `call`, `llm`, ..., `webhook`, `socket`).' },
        limit: { type: 'integer', minimum: 1, maximum: 10, description: 'Pages to return (default 3).' },
        max_chars: { type: 'integer', minimum: 1000, maximum: 50000, description: 'Size bound of the answer (default 12000).' },
        language: { type: 'string', enum: ['typescript', 'python', 'curl', 'all'], description: 'Examples to show (default all).' },
        detail: { type: 'string', enum: ['brief', 'full'], description: '`brief`: signature, route, summary, top-level parameters and examples; `full` (default): every nested field too.' },
      },
      required: ['query'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'execute',
    title: 'Run TypeScript against the Retell SDK',
    description:
      'Run TypeScript that defines `async function run(client) { ... }`; `client` is an initialised Retell SDK client (`client.agent.create(...)`, `client.call.list(...)`, as in search_docs). The code is type-checked against the SDK first (errors come back, nothing is sent), then runs in an isolated sandbox: no fs, network, env or imports; the SDK client is the only way out. Returns the value `run` returns (JSON), console output, or the error (APIError with status and body). Paginated methods: `await` gives the first page, `for await` walks all pages.',
    inputSchema: {
      type: 'object',
      properties: { code: { type: 'string', description: 'TypeScript defining `async function run(client) { ... }`.', maxLength: 100_000 } },
      required: ['code'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  },
];

const DYNAMIC_TOOLS: ToolDefinition[] = [
  {
    name: 'list_endpoints',
    description: 'List the Retell API endpoints this server can call: tool-style name, HTTP route and one-line summary. Filter by resource or words.',
    inputSchema: {
      type: 'object',
      properties: { resource: { type: 'string', description: 'Only this resource (`agent`, `call`, ...).' }, search: { type: 'string', description: 'Only endpoints whose name, route or summary contain these words.', maxLength: 200 } },
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'describe_endpoint',
    description: 'Describe one endpoint: signature, route, every parameter and response field, and its input JSON Schema for invoke_endpoint.',
    inputSchema: { type: 'object', properties: { endpoint: { type: 'string', description: 'Name from list_endpoints (`agent_create`) or method id (`agent.create`).' } }, required: ['endpoint'], additionalProperties: false },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'invoke_endpoint',
    description: 'Call one endpoint with arguments matching its input schema (path params and body/query fields by their API names). Returns the JSON response, or the API error with status and body.',
    inputSchema: {
      type: 'object',
      properties: { endpoint: { type: 'string', description: 'Name from list_endpoints or method id.' }, args: { type: 'object', description: 'The arguments, per describe_endpoint.' } },
      required: ['endpoint'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  },
];

function endpointTool(m: MethodDoc): ToolDefinition {
  return {
    name: toolName(m),
    title: `client.${m.resource}.${m.method}`,
    description: `${oneLine(m.summary, 200)} (${m.httpMethod} ${m.path})${m.paginated ? ' Returns one page; pass the cursor field for the next.' : ''}`,
    inputSchema: m.inputSchema as ToolDefinition['inputSchema'],
    annotations: { readOnlyHint: m.readOnly, destructiveHint: m.method.startsWith('delete'), openWorldHint: true },
  };
}

export function listTools(ctx: ToolContext): ToolDefinition[] {
  const out: ToolDefinition[] = [];
  if (ctx.modes.includes('code')) out.push(...CODE_TOOLS);
  if (ctx.modes.includes('dynamic')) out.push(...DYNAMIC_TOOLS);
  if (ctx.modes.includes('endpoints')) out.push(...ctx.methods.map(endpointTool));
  return out;
}

type Args = Record<string, unknown>;

function expectString(args: Args, key: string, required: boolean, max = 100_000): string | undefined {
  const v = args[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string') throw new ArgumentError(`\`${key}\` must be a string${required ? ' (required)' : ''}, got ${v === null ? 'null' : typeof v}`);
  if (v.length > max) throw new ArgumentError(`\`${key}\` is too long (${v.length} characters, limit ${max})`);
  return v;
}

function expectInt(args: Args, key: string, min: number, max: number): number | undefined {
  const v = args[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ArgumentError(`\`${key}\` must be an integer from ${min} to ${max}`);
  return v;
}

function expectOneOf<T extends string>(args: Args, key: string, allowed: readonly T[]): T | undefined {
  const v = args[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new ArgumentError(`\`${key}\` must be one of ${allowed.join(', ')}`);
  return v as T;
}

function rejectUnknown(args: Args, known: readonly string[]): void {
  const extra = Object.keys(args).filter((k) => !known.includes(k));
  if (extra.length > 0) throw new ArgumentError(`unknown argument${extra.length > 1 ? 's' : ''} ${extra.map((k) => `\`${k.slice(0, 50)}\``).join(', ')}; expected ${known.map((k) => `\`${k}\``).join(', ')}`);
}

export class ArgumentError extends Error {}

function findMethod(ctx: ToolContext, name: string): MethodDoc | undefined {
  return ctx.methods.find((m) => m.id === name || toolName(m) === name);
}

/** Endpoint arguments (by wire name) → the facade call: positional path params, then the params object. */
async function invoke(ctx: ToolContext, m: MethodDoc, raw: unknown, creds: ApiCredentials): Promise<ToolResult> {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) throw new ArgumentError('arguments must be an object');
  // A JSON round trip with the bridge's checks: size, depth, no prototype keys.
  const args = (raw === undefined ? {} : (JSON.parse(JSON.stringify(raw), (k, v: unknown) => (['__proto__', 'constructor', 'prototype'].includes(k) ? undefined : v)) as Args));
  const schema = m.inputSchema as { properties?: Record<string, unknown>; required?: string[] };
  const missing = (schema.required ?? []).filter((k) => args[k] === undefined);
  if (missing.length > 0) throw new ArgumentError(`missing required argument${missing.length > 1 ? 's' : ''} ${missing.map((k) => `\`${k}\``).join(', ')} for ${m.id}`);
  rejectUnknown(args, Object.keys(schema.properties ?? {}));
  for (const name of m.positionalNames) if (typeof args[name] !== 'string' && typeof args[name] !== 'number') throw new ArgumentError(`\`${name}\` must be a string`);
  const positional = m.positionalNames.map((n) => args[n]);
  const rest = Object.fromEntries(Object.entries(args).filter(([k]) => !m.positionalNames.includes(k)));
  const callArgs = m.paramsType || Object.keys(rest).length > 0 ? [...positional, rest] : positional;
  const limits = ctx.executor.limits;
  const client = createApiClient(creds, ctx.policy, new RequestBudget(limits.maxCalls));
  const bridge = new SdkBridge(client, ctx.allMethods, ctx.policy, limits.timeoutMs);
  try {
    const value = await bridge.call(m.id, callArgs);
    return text(cut(JSON.stringify(value ?? null, null, 2)));
  } catch (error) {
    const e = toHostError(error);
    const lines = [`Error: ${e.details.name}: ${e.message}`];
    if (e.details.status !== undefined) lines.push(`status: ${e.details.status}`, 'body:', JSON.stringify(e.details.body ?? null, null, 2));
    return text(cut(lines.join('\n')), true);
  }
}

export async function callTool(ctx: ToolContext, name: string, rawArgs: unknown, client: () => ApiCredentials): Promise<ToolResult> {
  const available = listTools(ctx);
  if (!available.some((t) => t.name === name)) {
    const names = available.map((t) => t.name);
    return text(`Unknown tool "${String(name).slice(0, 100)}". Available: ${names.slice(0, 20).join(', ')}${names.length > 20 ? `, … (${names.length} in all)` : ''}.`, true);
  }
  if (rawArgs !== undefined && (rawArgs === null || typeof rawArgs !== 'object' || Array.isArray(rawArgs))) return text(`Arguments of ${name} must be an object.`, true);
  const args = (rawArgs ?? {}) as Args;
  try {
    switch (name) {
      case 'search_docs': {
        rejectUnknown(args, ['query', 'resource', 'limit', 'max_chars', 'language', 'detail']);
        const query = expectString(args, 'query', true, 500)!;
        const resource = expectString(args, 'resource', false, 100);
        const limit = expectInt(args, 'limit', 1, 10);
        const maxChars = expectInt(args, 'max_chars', 1_000, 50_000);
        const language = expectOneOf(args, 'language', EXAMPLE_LANGUAGES);
        const detail = expectOneOf(args, 'detail', ['brief', 'full'] as const);
        return text(
          ctx.search.render(query, {
            ...(resource ? { resource } : {}),
            ...(limit ? { limit } : {}),
            ...(maxChars ? { maxChars } : {}),
            ...(language ? { language } : {}),
            ...(detail ? { detail } : {}),
          }),
        );
      }
      case 'execute': {
        rejectUnknown(args, ['code']);
        const code = expectString(args, 'code', true)!;
        const result = await ctx.executor.execute(code, client());
        const { text: body, isError } = describeExecution(result);
        return text(body, isError);
      }
      case 'list_endpoints': {
        rejectUnknown(args, ['resource', 'search']);
        const resource = expectString(args, 'resource', false, 100);
        const words = (expectString(args, 'search', false, 200) ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const rows = ctx.methods
          .filter((m) => !resource || m.resource === resource)
          .filter((m) => words.every((w) => `${toolName(m)} ${m.id} ${m.path} ${m.summary ?? ''}`.toLowerCase().includes(w)))
          .map((m) => `- \`${toolName(m)}\` (${m.httpMethod} ${m.path})${m.readOnly ? ' read-only' : ''}: ${oneLine(m.summary, 120)}`);
        return text(rows.length > 0 ? `${rows.length} endpoints:\n${rows.join('\n')}` : 'No endpoint matches; call list_endpoints without filters to see all.');
      }
      case 'describe_endpoint': {
        rejectUnknown(args, ['endpoint']);
        const id = expectString(args, 'endpoint', true, 200)!;
        const m = findMethod(ctx, id);
        if (!m) return text(`Unknown endpoint "${id.slice(0, 100)}"; see list_endpoints.`, true);
        return text(cut(`${m.markdown}\n**Input schema for invoke_endpoint** (\`${toolName(m)}\`)\n\n\`\`\`json\n${JSON.stringify(m.inputSchema)}\n\`\`\`\n`));
      }
      case 'invoke_endpoint': {
        rejectUnknown(args, ['endpoint', 'args']);
        const id = expectString(args, 'endpoint', true, 200)!;
        const m = findMethod(ctx, id);
        if (!m) return text(`Unknown endpoint "${id.slice(0, 100)}"; see list_endpoints.`, true);
        return await invoke(ctx, m, args['args'], client());
      }
      default: {
        const m = findMethod(ctx, name);
        if (!m) return text(`Unknown tool "${name}".`, true);
        return await invoke(ctx, m, args, client());
      }
    }
  } catch (error) {
    if (error instanceof ArgumentError) return text(`Invalid arguments for ${name}: ${error.message}`, true);
    if (error instanceof HostCallError) return text(`${name} failed: ${error.message}`, true);
    if (error instanceof MissingKeyError) return text(error.message, true);
    return text(`${name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, true);
  }
}

/** No API key for this request (HTTP mode without a key header; local mode without RETELL_API_KEY). */
export class MissingKeyError extends Error {}
