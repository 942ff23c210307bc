/**
 * Hostile and broken input on one connection never stops the server: malformed JSON, binary frames,
 * unknown or invalid messages, deep nesting, prototype keys, oversized frames, stale ids and throwing
 * callbacks all reach `onError` with their code, and the next call is served as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { checkLlmMessage, formatReport, LlmSocketError, parseFrame, simulateCall } from '../../packages/llm-socket/src/index.js';
import { startHandler, type Started } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connect(url: string): Promise<{ ws: WebSocket; frames: unknown[]; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  const frames: unknown[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d))));
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((r) => ws.once('open', r));
  return { ws, frames, closed };
}

const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe('parseFrame and outgoing checks', () => {
  it.each([
    ['not JSON', 'malformed-json', 'nope'],
    ['an array', 'malformed-json', '[1,2]'],
    ['null', 'malformed-json', 'null'],
    ['33 levels deep', 'too-deep', deep(33)],
    ['100k levels deep', 'too-deep', deep(100_000)],
    ['100k nested arrays inside an object', 'too-deep', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('%s → %s', (_name, code, text) => {
    let caught: unknown;
    try {
      parseFrame(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LlmSocketError);
    expect((caught as LlmSocketError).code).toBe(code);
  });

  it('drops __proto__, constructor and prototype keys at every level', () => {
    const value = parseFrame('{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"x":1}},"b":[{"prototype":2,"c":3}]}}');
    expect(value).toEqual({ a: { b: [{ c: 3 }] } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('outgoing messages are checked against the spec', () => {
    expect(checkLlmMessage({ response_type: 'ping_pong', timestamp: 1 })).toEqual({ response_type: 'ping_pong', timestamp: 1 });
    expect(() => checkLlmMessage({ response_type: 'response', response_id: -1, content: '', content_complete: true })).toThrow(/invalid response message: must be >= 0 \(at \/response_id\)/);
    expect(() => checkLlmMessage({ response_type: 'update_agent', agent_config: { responsiveness: 3 } })).toThrow(LlmSocketError);
  });
});

describe('the handler under hostile input', () => {
  it('reports every bad frame, keeps the connection, and serves the next call', async () => {
    server = await startHandler({
      maxPayload: 64 * 1024,
      onResponseRequired: (request) => {
        if (request.transcript.some((u) => u.content === 'throw')) throw new Error('callback blew up');
        return `ok ${request.response_id}`;
      },
      onUpdate: () => {
        throw new Error('update hook blew up');
      },
    });
    const { ws, frames } = await connect(`${server.url}/call_hostile`);
    const bad = [
      'not json',
      '[]',
      JSON.stringify({ interaction_type: 'telepathy' }),
      JSON.stringify({ no_tag: true }),
      JSON.stringify({ interaction_type: 'response_required', response_id: 'one', transcript: [] }),
      JSON.stringify({ interaction_type: 'response_required', response_id: 1, transcript: [{ role: 'robot', content: 'x' }] }),
      deep(40),
      '{"__proto__":{"isAdmin":true},"interaction_type":"update_only","transcript":[]}',
      JSON.stringify({ interaction_type: 'response_required', response_id: 5, transcript: [{ role: 'user', content: 'throw' }] }),
      JSON.stringify({ interaction_type: 'response_required', response_id: 4, transcript: [] }),
    ];
    for (const frame of bad) ws.send(frame);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: 6, transcript: [{ role: 'user', content: 'fine' }] }));
    // The unknown role (id 1) fails open: it is warned about and reaches the callback, but id 5
    // supersedes it before its answer goes out (the tolerance suite shows such a turn answered).
    await expect.poll(() => frames.length, { timeout: 10_000 }).toBe(2);
    expect(frames[1]).toEqual({ response_type: 'response', response_id: 6, content: 'ok 6', content_complete: true });
    const seen = server.errors.map((e) => [e.error.code, e.error.message, e.callId]);
    expect(server.errors.map((e) => e.error.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'error', 'error', 'error', 'error', 'error']);
    expect(seen).toEqual([
      ['malformed-json', expect.stringMatching(/^message is not valid JSON/), 'call_hostile'],
      ['malformed-json', 'message is not a JSON object', 'call_hostile'],
      ['unknown-type', 'unknown interaction_type "telepathy" (at /interaction_type)', 'call_hostile'],
      ['unknown-type', 'message has no string `interaction_type` (at /interaction_type)', 'call_hostile'],
      ['invalid-message', 'invalid response_required message: must be an integer ≥ 0 (at /response_id)', 'call_hostile'],
      ['tolerated', expect.stringMatching(/^invalid response_required message: must be equal to one of the allowed values .*; tolerated \(at \/transcript\/0\/role\)$/), 'call_hostile'],
      ['too-deep', 'message is nested deeper than 32 levels', 'call_hostile'],
      ['handler-failed', 'update hook blew up', 'call_hostile'],
      ['handler-failed', 'callback blew up', 'call_hostile'],
      ['protocol', 'response_required: response_id 4 is not newer than 5 (at /response_id)', 'call_hostile'],
      ['malformed-json', 'binary frames are not part of the protocol', 'call_hostile'],
    ]);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    ws.close();
  });

  it('an oversized frame closes only that socket (1009); other calls go on', async () => {
    server = await startHandler({ maxPayload: 1024, onResponseRequired: () => 'still here' });
    const victim = await connect(`${server.url}/call_big`);
    const bystander = await connect(`${server.url}/call_ok`);
    victim.ws.send(JSON.stringify({ interaction_type: 'update_only', transcript: [{ role: 'user', content: 'x'.repeat(4096) }] }));
    expect(await victim.closed).toBe(1009);
    bystander.ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: 1, transcript: [] }));
    await expect.poll(() => bystander.frames.length, { timeout: 10_000 }).toBe(2);
    expect(server.errors.map((e) => [e.error.code, e.callId])).toEqual([['too-large', 'call_big']]);
    const report = await simulateCall(server.url, { turns: [{ user: 'and a new call', expect: { contains: 'still here' } }] });
    expect(report.ok, formatReport(report)).toBe(true);
    bystander.ws.close();
  });

  it('refuses upgrades on other paths and bad call ids; outgoing messages are validated in development mode', async () => {
    let sendError: unknown;
    server = await startHandler({
      validateOutgoing: true,
      onConnect: (session) => {
        try {
          session.send({ response_type: 'update_agent', agent_config: { interruption_sensitivity: 7 } });
        } catch (error) {
          sendError = error;
        }
      },
    });
    const base = server.url.replace('/llm-websocket', '');
    for (const path of ['/elsewhere/call_1', '/llm-websocket/', '/llm-websocket/%E0%A4%A', '/llm-websocket/a/b']) {
      const ws = new WebSocket(`${base}${path}`);
      const status = await new Promise<number | string>((resolve) => {
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve('opened'));
        ws.on('error', (e) => resolve(e.message));
      });
      expect([path, status]).toEqual([path, 404]);
    }
    const { ws } = await connect(`${server.url}/call_dev`);
    await expect.poll(() => sendError).toBeInstanceOf(LlmSocketError);
    expect((sendError as LlmSocketError).message).toMatch(/invalid update_agent message: must be <= 1 \(at \/agent_config\/interruption_sensitivity\)/);
    ws.close();
  });
});
