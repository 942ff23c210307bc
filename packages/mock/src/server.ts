/**
 * The mock HTTP server (node:http). Each request goes through the same steps as it would at the API:
 * read the body (size limit, 413), find the route (404, or 405 with `Allow`), check the bearer token
 * (401), validate parameters and body against the spec (400/415/422 naming the bad field), then answer
 * from the store (stateful resources) or the spec's sample. Every error is a JSON body shaped like the
 * spec's `ErrorResponse`, and nothing touches the state before the request has passed every check.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http/body.js';
import { parseRequest } from './http/request.js';
import { Router } from './http/router.js';
import type { MockRoute, MockSpec, SampleTable } from './model.js';
import { buildRecord } from './state/record.js';
import type { Json } from './state/resources.js';
import { MockStore, type Reply } from './state/store.js';
import { repairingSamples } from './state/samples.js';
import { SchemaValidator } from './validate/ajv.js';
import { explain } from './validate/explain.js';

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface MockServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Interface to bind; the mock is a local tool, so it defaults to loopback only. */
  readonly host?: string;
  /** Larger request bodies get a 413. Default 8 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * Check every reply against the response schema and answer 500 when it does not match (a bug in the
   * mock, never in the caller). Default true.
   */
  readonly validateResponses?: boolean;
  /** Called once per request with `METHOD /path -> status`. */
  readonly log?: (line: string) => void;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`: pass it as `baseURL`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  readonly store: MockStore;
  readonly spec: MockSpec;
  close(): Promise<void>;
}

const BEARER = /^Bearer\s+\S+/i;

function error(status: number, message: string): Reply {
  return { status, body: { status: 'error', message } };
}

/** An error's message for a 500, bounded so a huge message cannot become a huge reply. */
function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > 200 ? `${message.slice(0, 200)}...` : message;
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Stateless reply: the sample, with path parameters and request fields echoed where the sample has them. */
function sampleReply(route: MockRoute, samples: SampleTable, input: { path: Json; body: unknown }, validator: SchemaValidator): Reply {
  const sample = samples[route.operationId]?.response;
  if (!route.success.schema || sample === undefined) return { status: route.success.status };
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return { status: route.success.status, body: sample };
  const template = sample as Json;
  const echo: Json = {};
  const body = input.body !== null && typeof input.body === 'object' && !Array.isArray(input.body) ? (input.body as Json) : {};
  // Own fields only: `constructor` and friends are "in" every object through its prototype.
  for (const [key, value] of Object.entries(body)) if (Object.hasOwn(template, key)) echo[key] = value;
  const fixed: Json = {};
  for (const [key, value] of Object.entries(input.path)) if (Object.hasOwn(template, key)) fixed[key] = value;
  return { status: route.success.status, body: buildRecord(template, echo, fixed, route.success.schema, validator) };
}

export async function startServer(spec: MockSpec, given: SampleTable, options: MockServerOptions = {}): Promise<MockServer> {
  const validator = new SchemaValidator(spec);
  // Samples that break their own schema (a spec's contradictory example) are repaired on first use.
  const samples = repairingSamples(spec, given, validator);
  const router = new Router(spec.routes);
  const store = new MockStore(samples, validator);
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const checkReplies = options.validateResponses ?? true;

  async function handle(req: IncomingMessage): Promise<{ reply: Reply; headers?: Record<string, string> }> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://mock.local');
    const body = await readBody(req, limit);
    if (!body.ok) return { reply: error(413, `The request body (${body.received} bytes) is larger than the ${limit}-byte limit.`) };
    // HEAD without a HEAD route is GET without a body (the router falls back); node:http drops the body.
    const match = router.match(method, url.pathname);
    if (match.kind === 'bad-path') return { reply: error(400, match.message) };
    if (match.kind === 'not-found') return { reply: error(404, `No route ${method} ${url.pathname} in the Retell API.`) };
    if (match.kind === 'method-not-allowed') {
      const allow = [...new Set(match.allow.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
      return { reply: error(405, `${method} is not allowed on ${url.pathname}; use ${allow}.`), headers: { allow } };
    }
    if (!BEARER.test(req.headers.authorization ?? '')) {
      return { reply: error(401, 'Missing or malformed API key: send `Authorization: Bearer <API key>`.') };
    }
    const parsed = await parseRequest(match.route, match.params, url.searchParams, body.bytes, req.headers['content-type'] ?? '', validator);
    if (!parsed.ok) return { reply: error(parsed.problem.status, parsed.problem.message) };
    const reply = store.handle(match.route, parsed.input) ?? sampleReply(match.route, samples, parsed.input, validator);
    const schema = reply.status === match.route.success.status ? match.route.success.schema : spec.errorSchema;
    if (checkReplies && schema !== undefined && reply.body !== undefined) {
      const problem = explain(validator.check(schema, reply.body, 'response'));
      if (problem) return { reply: error(500, `The mock built a reply its spec does not allow: ${problem.message}`) };
    }
    return { reply };
  }

  /** A log sink that throws must not take a request, or the server, down with it. */
  function log(line: string): void {
    try {
      options.log?.(line);
    } catch {
      // Nothing better to do with a broken sink than to keep serving.
    }
  }

  /**
   * The error boundary: whatever one request does (a handler that throws, a reply that cannot be
   * serialized, a log sink that fails), it ends in a JSON 500 for that request, or a closed socket when
   * the headers are already out, and never in a rejection that could stop the host process.
   */
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let outcome: { reply: Reply; headers?: Record<string, string> };
    try {
      outcome = await handle(req);
    } catch (err) {
      outcome = { reply: error(500, `Mock server error: ${describeError(err)}`) };
    }
    try {
      send(res, outcome.reply, outcome.headers);
      log(`${req.method} ${req.url} -> ${outcome.reply.status}`);
    } catch (err) {
      log(`${req.method} ${req.url} -> 500 (${describeError(err)})`);
      if (res.headersSent) res.destroy();
      else send(res, error(500, `Mock server error: the reply could not be sent: ${describeError(err)}`));
    }
  }

  const server = createServer((req, res) => {
    respond(req, res).catch(() => res.destroy());
  });
  // Requests node:http itself refuses (an unknown method, a malformed request line, headers too large)
  // never reach `respond`; answer them in the same JSON shape, then close the connection.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const text = JSON.stringify(error(status, tooLarge ? 'The request headers are too large.' : `Malformed HTTP request: ${describeError(err)}`).body);
    const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
  });
  // Bench and test clients keep connections open; do not let them hold `close()` hostage.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    server,
    store,
    spec,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
