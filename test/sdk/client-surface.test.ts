/**
 * The facade's client object and class as an app written for retell-sdk@5.33.0 touches them at run
 * time: the official resource class names as statics, `DEFAULT_TIMEOUT`, the client properties (readable
 * and writable, the key never enumerable), resources created once on first use, and webhooks.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Retell, { parseWebhookEvent, signWebhook, verifyWebhook, WebhookVerificationError } from '@retell-kit/sdk';
import * as client from '@retell-kit/client';

const BASE = 'https://api.retell.test';
const KEY = 'key_sdk_surface_9a7b';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('statics', () => {
  it('has the official resource class names, with no numbered stand-ins', () => {
    const c = new Retell({ apiKey: KEY });
    expect(Retell.ConversationFlow).toBeTypeOf('function');
    expect(c.conversationFlow).toBeInstanceOf(Retell.ConversationFlow);
    expect(c.exportRequest).toBeInstanceOf(Retell.ExportRequest);
    expect(c.mcpTool).toBeInstanceOf(Retell.McpTool);
    for (const name of ['ConversationFlow2', 'ExportRequest2', 'McpTool2']) expect(Retell).not.toHaveProperty(name);
  });

  it('DEFAULT_TIMEOUT, Retell, the error classes and toFile', () => {
    expect(Retell.DEFAULT_TIMEOUT).toBe(60_000);
    expect(Retell.Retell).toBe(Retell);
    expect(Retell.NotFoundError).toBe(client.NotFoundError);
    expect(Retell.toFile).toBe(client.toFile);
  });
});

describe('client properties', () => {
  it('reads apiKey, baseURL, maxRetries, timeout, logger, logLevel, fetchOptions and fetch', () => {
    const fetchImpl: typeof fetch = (...args) => fetch(...args);
    const logger = { error() {}, warn() {}, info() {}, debug() {} };
    const c = new Retell({ apiKey: KEY, baseURL: `${BASE}/`, maxRetries: 4, timeout: 1500, logger, logLevel: 'info', fetch: fetchImpl, fetchOptions: { cache: 'no-store' } });
    expect(c).toMatchObject({ apiKey: KEY, baseURL: BASE, maxRetries: 4, timeout: 1500, logger, logLevel: 'info', fetch: fetchImpl, fetchOptions: { cache: 'no-store' } });
    expect(new Retell({ apiKey: KEY }).timeout).toBe(Retell.DEFAULT_TIMEOUT);
  });

  it('keeps the key out of keys, spreads, JSON and inspection', async () => {
    const c = new Retell({ apiKey: KEY });
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(JSON.stringify({ ...c })).not.toContain(KEY);
    expect(Object.keys(c).join()).not.toContain('apiKey');
    const { inspect } = await import('node:util');
    expect(inspect(c)).not.toContain(KEY);
  });

  it('writes apply to the next request; bad values are refused by name', async () => {
    const c = new Retell({ apiKey: KEY, baseURL: BASE, logLevel: 'off', maxRetries: 0 });
    c.apiKey = 'key_rotated';
    c.baseURL = 'https://eu.retell.test';
    let auth = '';
    nock('https://eu.retell.test').get('/get-agent/a1').reply(200, function () {
      auth = String(this.req.headers['authorization']);
      return {};
    });
    await c.agent.retrieve('a1');
    expect(auth).toBe('Bearer key_rotated');
    expect(() => (c.maxRetries = -1)).toThrow(/Invalid maxRetries/);
    expect(() => (c.timeout = Number.NaN)).toThrow(/Invalid timeout/);
    expect(() => (c.apiKey = '')).toThrow(/apiKey/);
    expect(() => (c.baseURL = 'ftp://x')).toThrow(/baseURL/);
  });

  it('creates each resource once, on first use', () => {
    const c = new Retell({ apiKey: KEY });
    expect(c.agent).toBe(c.agent);
    expect(c.withOptions({ maxRetries: 1 }).agent).not.toBe(c.agent);
  });
});

describe('webhooks from the facade', () => {
  const body = JSON.stringify({ event: 'call_started', call: { call_id: 'c1' } });
  const now = Date.now();
  const reference = `v=${now},d=${createHmac('sha256', KEY).update(body + String(now)).digest('hex')}`;

  it('exports verifyWebhook, signWebhook and parseWebhookEvent', async () => {
    expect(await signWebhook(body, KEY, now)).toBe(reference);
    expect(await verifyWebhook(body, KEY, reference)).toBe(true);
    expect(await parseWebhookEvent(body, KEY, reference)).toEqual(JSON.parse(body));
    await expect(parseWebhookEvent(body, 'other', reference)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('Retell.verify(body, apiKey, signature) and Retell.sign(body, apiKey) answer promises, as in retell-sdk@5.66.1', async () => {
    const pending = Retell.verify(body, KEY, reference);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(true);
    expect(await Retell.verify(body, 'wrong_key', reference)).toBe(false);
    expect(await Retell.verify(`${body} `, KEY, reference)).toBe(false);
    expect(await Retell.verify(body, KEY, 'v=1,d=00')).toBe(false);
    expect(await Retell.verify(body, KEY, undefined as unknown as string)).toBe(false);
    // A signature made by Retell.sign verifies, and names the moment it was made.
    const signed = await Retell.sign(body, KEY);
    expect(signed).toMatch(/^v=\d+,d=[0-9a-f]{64}$/);
    expect(await Retell.verify(body, KEY, signed)).toBe(true);
    expect(await Retell.verify(body, 'wrong_key', signed)).toBe(false);
  });

  it('signWebhook with an empty key throws a clear TypeError', async () => {
    await expect(signWebhook(body, '')).rejects.toThrow(/signWebhook needs the API key/);
    await expect(signWebhook(body, '')).rejects.toBeInstanceOf(TypeError);
  });
});
