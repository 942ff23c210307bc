/** Shared fixtures of the runtime tests: hand-written OperationSpecs (the generated ones come later), a client factory and a log sink. */
import { multipartBody, RetellFullCore, RetellPathClient, type ClientOptions, type Logger, type OperationSpec } from '@retell-kit/client';

export const BASE = 'https://api.retell.test';
export const KEY = 'key_4f8e0c1b2a3d5e6f7a8b9c0d';

export const getAgentOp: OperationSpec = { operationId: 'getAgent', method: 'GET', path: '/get-agent/{agent_id}' };
export const createAgentOp: OperationSpec = { operationId: 'createAgent', method: 'POST', path: '/create-agent', body: 'json' };
export const deleteAgentOp: OperationSpec = { operationId: 'deleteAgent', method: 'DELETE', path: '/delete-agent/{agent_id}' };
export const createPhoneCallOp: OperationSpec = {
  operationId: 'createPhoneCall', method: 'POST', path: '/v2/create-phone-call', body: 'json', timeoutMs: 120_000,
};
export const createKnowledgeBaseOp: OperationSpec = {
  operationId: 'createKnowledgeBase', method: 'POST', path: '/create-knowledge-base', body: 'multipart', encode: multipartBody,
};
export const listAgentsOp: OperationSpec = {
  operationId: 'listAgents', method: 'GET', path: '/list-agents',
  pagination: { in: 'query', limitParam: 'limit', cursorParam: 'pagination_key', itemsField: 'items', hasMoreField: 'has_more', nextCursorField: 'pagination_key' },
};
export const listCallsOp: OperationSpec = {
  operationId: 'listCalls', method: 'POST', path: '/v3/list-calls', body: 'json', timeoutMs: 300_000,
  pagination: { in: 'body', limitParam: 'limit', cursorParam: 'pagination_key', itemsField: 'items', hasMoreField: 'has_more', nextCursorField: 'pagination_key' },
};

export interface LogLine { level: keyof Logger; message: string; rest: unknown[] }

export function captureLogger(): { logger: Logger; lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const sink = (level: keyof Logger) => (message: string, ...rest: unknown[]) => void lines.push({ level, message, rest });
  return {
    logger: { error: sink('error'), warn: sink('warn'), info: sink('info'), debug: sink('debug') },
    lines,
    text: () => lines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.rest)}`).join('\n'),
  };
}

/** The full core: validated options, logging and HTML error naming, as `createClient()` and the facade have them. */
export function makeClient(options: ClientOptions = {}): RetellFullCore {
  return new RetellFullCore({ apiKey: KEY, baseURL: BASE, logLevel: 'off', ...options });
}

/** A client with the typed path methods (openapi-fetch); `Paths` is `{}`, so callers cast to reach them. */
export function makePathClient(options: ClientOptions = {}): RetellPathClient {
  return new RetellPathClient({ apiKey: KEY, baseURL: BASE, logLevel: 'off', ...options });
}
