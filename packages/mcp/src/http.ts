/**
 * Streamable HTTP transport (MCP 2025-03-26+), one `StreamableHTTPServerTransport` and one server per
 * session. The API key comes with every request (`Authorization: Bearer …` or `X-Retell-Api-Key`), is
 * used for that request's SDK calls only, and never logged; a session is bound to the fingerprint of
 * the key that opened it. Binds 127.0.0.1 unless told otherwise; bodies are capped; idle sessions expire.
 *
 * A browser page must not be able to drive it (DNS rebinding, cross-site requests): the `Host` header
 * must name a loopback host (or one given with `--allowed-hosts`) and an `Origin`, when sent, must be a
 * loopback origin (or one given with `--allowed-origins`); anything else is a 403 before any work.
 * Sessions are capped per key (the key's idlest session is closed to make room) and in all (the
 * server's idlest session is closed), so junk keys cannot lock real users out. `GET /health` answers
 * `{"status":"ok"}`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { ServerContext } from './context.js';
import { keyFingerprint, keyFromHeaders } from './keys.js';
import { createMcpServer } from './server.js';
import { MissingKeyError } from './tools.js';

export interface HttpOptions {
  readonly host?: string;
  readonly port?: number;
  readonly baseURL?: string;
  /** Path of the MCP endpoint (default `/mcp`). */
  readonly path?: string;
  readonly maxBodyBytes?: number;
  /** Open sessions in all (default 1 000); past it the idlest session anywhere is closed. */
  readonly maxSessions?: number;
  /** Open sessions per API key (default 8); past it that key's idlest session is closed. */
  readonly sessionsPerKey?: number;
  /** A session unused this long is closed (default 10 minutes). */
  readonly idleMs?: number;
  /** Origins accepted besides loopback ones (`https://app.example`), exact match. */
  readonly allowedOrigins?: readonly string[];
  /** Host names accepted besides loopback ones and the bound address. */
  readonly allowedHosts?: readonly string[];
  readonly log?: (line: string) => void;
}

interface Session {
  readonly transport: StreamableHTTPServerTransport;
  readonly fingerprint: string;
  lastSeen: number;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly server: HttpServer;
  close(): Promise<void>;
}

function jsonError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: status === 413 ? -32600 : -32000, message }, id: null }));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Stop keeping it, drain what is in flight so the 413 can be read, then close the connection.
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too-large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The host name of a `Host` header (`[::1]:3333` → `[::1]`, `localhost:80` → `localhost`), lower case. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

/** Whether a request may come in: its Host and (if any) Origin against the allowlists. */
export function checkRequestOrigin(headers: IncomingMessage['headers'], allowedHosts: ReadonlySet<string>, allowedOrigins: ReadonlySet<string>): string | undefined {
  const host = headers.host;
  if (!host || !allowedHosts.has(hostName(host))) return `Host ${JSON.stringify((host ?? '').slice(0, 100))} is not allowed (loopback names only, or --allowed-hosts)`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  const loopback = parsed !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.includes(parsed.hostname);
  if (loopback || allowedOrigins.has(origin.toLowerCase())) return undefined;
  return `Origin ${JSON.stringify(origin.slice(0, 100))} is not allowed (loopback origins only, or --allowed-origins)`;
}

export async function startHttpServer(ctx: ServerContext, options: HttpOptions = {}): Promise<RunningHttpServer> {
  const endpoint = options.path ?? '/mcp';
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const maxSessions = options.maxSessions ?? 1_000;
  const perKey = options.sessionsPerKey ?? 8;
  const idleMs = options.idleMs ?? 10 * 60_000;
  const bound = options.host ?? '127.0.0.1';
  const allowedHosts = new Set([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? []).map((h) => hostName(h))]);
  if (bound !== '0.0.0.0' && bound !== '::') allowedHosts.add(bound.includes(':') ? `[${bound}]` : bound.toLowerCase());
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sessions = new Map<string, Session>();

  const clientFor = (headers: Record<string, string | string[] | undefined> | undefined) => {
    const key = headers ? keyFromHeaders(headers) : undefined;
    if (!key) throw new MissingKeyError('No API key on this request: send `Authorization: Bearer <RETELL_API_KEY>` or `X-Retell-Api-Key`.');
    return { apiKey: key, ...(options.baseURL ? { baseURL: options.baseURL } : {}) };
  };

  /** Closes the least recently used of `candidates` (sessions of one key, or all). */
  const evictIdlest = (candidates: [string, Session][]) => {
    const oldest = candidates.reduce<[string, Session] | undefined>((a, b) => (!a || b[1].lastSeen < a[1].lastSeen ? b : a), undefined);
    if (!oldest) return;
    sessions.delete(oldest[0]);
    void oldest[1].transport.close().catch(() => undefined);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const refused = checkRequestOrigin(req.headers, allowedHosts, allowedOrigins);
    if (refused) {
      req.resume();
      jsonError(res, 403, refused);
      return '403';
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ status: 'ok' }));
      return '200';
    }
    if (url.pathname !== endpoint) {
      jsonError(res, 404, `not found; the MCP endpoint is ${endpoint}`);
      return '404';
    }
    const key = keyFromHeaders(req.headers);
    const sessionHeader = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(sessionHeader) ? sessionHeader[0] : sessionHeader;
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBody);
      } catch {
        res.setHeader('connection', 'close');
        res.on('finish', () => req.socket.destroy());
        jsonError(res, 413, `request body over ${maxBody} bytes`);
        return '413';
      }
      try {
        body = JSON.parse(raw);
      } catch {
        jsonError(res, 400, 'request body is not JSON');
        return '400';
      }
    }
    if (sessionId) {
      const session = sessions.get(sessionId);
      if (!session) {
        jsonError(res, 404, 'unknown or expired session; initialize again');
        return '404';
      }
      if (!key || keyFingerprint(key) !== session.fingerprint) {
        jsonError(res, 403, 'this session belongs to another API key');
        return '403';
      }
      session.lastSeen = Date.now();
      await session.transport.handleRequest(req, res, body);
      return String(res.statusCode);
    }
    if (req.method !== 'POST' || !(Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body))) {
      jsonError(res, 400, 'no session: send an initialize request first (without Mcp-Session-Id)');
      return '400';
    }
    if (!key) {
      jsonError(res, 401, 'missing API key: send `Authorization: Bearer <RETELL_API_KEY>` or `X-Retell-Api-Key`');
      return '401';
    }
    const fingerprint = keyFingerprint(key);
    // Room for the new session: the key's own idlest session first, then the server's idlest.
    const mine = [...sessions].filter(([, s]) => s.fingerprint === fingerprint);
    if (mine.length >= perKey) evictIdlest(mine);
    if (sessions.size >= maxSessions) evictIdlest([...sessions]);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, fingerprint, lastSeen: Date.now() });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    const server = createMcpServer(ctx, (extra) => clientFor(extra.requestInfo?.headers as Record<string, string | string[] | undefined> | undefined));
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    return String(res.statusCode);
  };

  const http = createServer((req, res) => {
    const started = Date.now();
    handle(req, res).then(
      (status) => {
        const sid = req.headers['mcp-session-id'];
        // Method, path, status, time and a session prefix: never headers, bodies or keys.
        log(`${req.method ?? '?'} ${(req.url ?? '').slice(0, 100)} ${status} ${Date.now() - started}ms${typeof sid === 'string' ? ` session=${sid.slice(0, 8)}` : ''}`);
      },
      (error: unknown) => {
        log(`${req.method ?? '?'} ${(req.url ?? '').slice(0, 100)} 500 (${error instanceof Error ? error.name : 'error'})`);
        jsonError(res, 500, 'internal error');
      },
    );
  });
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, s] of sessions) {
      if (now - s.lastSeen > idleMs) {
        sessions.delete(id);
        void s.transport.close();
      }
    }
  }, Math.min(idleMs, 60_000));
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${endpoint}`,
    server: http,
    close: async () => {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
