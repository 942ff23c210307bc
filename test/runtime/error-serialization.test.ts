/**
 * Errors as an app logs them: `JSON.stringify(error)` carries status, response headers as a plain
 * object, the error body, message and request id (never the key), and the message stays small whatever
 * the server sends: a 50 MB JSON body or a proxy's HTML page stay whole on `error.error` only.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionError, InternalServerError, MAX_MESSAGE_DETAIL, NotFoundError } from '@retell-kit/client';
import { BASE, KEY, getAgentOp, makeClient } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const call = (options = {}) => makeClient({ maxRetries: 0, ...options }).request(getAgentOp, { path: { agent_id: 'a1' } }).catch((e: unknown) => e);

describe('JSON.stringify(error)', () => {
  it('shows status, headers, body, message and request id, and no key', async () => {
    nock(BASE)
      .get('/get-agent/a1')
      .reply(404, { error_message: 'Agent not found' }, { 'x-request-id': 'req_123', 'content-type': 'application/json', 'set-cookie': 'session=secret' });
    const error = await call();
    expect(error).toBeInstanceOf(NotFoundError);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: 'NotFoundError',
      status: 404,
      message: '404 Agent not found',
      error: { error_message: 'Agent not found' },
      requestID: 'req_123',
      method: 'GET',
      url: `${BASE}/get-agent/a1`,
    });
    expect(json.headers).toMatchObject({ 'x-request-id': 'req_123', 'content-type': 'application/json', 'set-cookie': '***' });
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('a connection error serialises its message and cause, without headers', async () => {
    const error = await call({ fetch: () => Promise.reject(new Error(`socket hang up`)) });
    expect(error).toBeInstanceOf(APIConnectionError);
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: 'APIConnectionError', message: 'Connection error.', cause: 'Error: socket hang up' });
    expect(json).not.toHaveProperty('headers');
  });
});

describe('bounded messages', () => {
  it('a 500 with a 50 MB JSON body: the message stays short, the body stays on error.error', async () => {
    const big = { items: Array.from({ length: 500_000 }, (_, i) => ({ id: `item_${i}`, note: 'x'.repeat(80) })) };
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(50_000_000);
    nock(BASE).get('/get-agent/a1').reply(500, text, { 'content-type': 'application/json' });
    const error = (await call()) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_DETAIL + 40);
    expect(error.message).toMatch(/^500 \{"items":\[\{"id":"item_0"/);
    expect((error.error as typeof big).items).toHaveLength(500_000);
  }, 120_000);

  it('a long server message is cut, with its length named', async () => {
    nock(BASE).get('/get-agent/a1').reply(500, { message: 'm'.repeat(10_000) });
    const error = (await call()) as Error;
    expect(error.message).toBe(`500 ${'m'.repeat(MAX_MESSAGE_DETAIL)}... (10000 characters)`);
  });

  it('a 502 HTML page is named by its title, not quoted', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>'.repeat(5_000)}</body></html>`;
    nock(BASE).get('/get-agent/a1').reply(502, page, { 'content-type': 'text/html' });
    const error = (await call()) as InternalServerError;
    expect(error.message).toBe(`502 502 Bad Gateway (HTML body, ${page.length} characters)`);
    expect(error.error).toBe(page);
  });
});
