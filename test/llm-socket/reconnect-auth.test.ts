/**
 * Reconnects and the authorize hook: a reconnect for the same call id resumes that call's state (no
 * second greeting, transcript, latest id and data kept), but only an authorised connection may take
 * over a socket that is still open; without a hook that attempt is refused with 409.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLOSE_REPLACED } from '../../packages/llm-socket/src/index.js';
import { startHandler, type Started } from './helpers.js';

let server: (Started & { handler: Awaited<ReturnType<typeof startHandler>>['handler'] }) | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = 'test-secret';
const sign = (callId: string): string => createHmac('sha256', SECRET).update(callId).digest('hex');

/** The README's signed-URL check: `?sig=` must be the HMAC of the call id. */
function signedUrl(request: IncomingMessage, callId: string): boolean {
  const sig = new URL(request.url ?? '/', 'http://x').searchParams.get('sig') ?? '';
  const expected = Buffer.from(sign(callId));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Client {
  ws: WebSocket;
  frames: Array<Record<string, unknown>>;
  closed: Promise<number>;
}

function open(url: string): Promise<Client & { status?: number }> {
  const ws = new WebSocket(url);
  const frames: Array<Record<string, unknown>> = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws, frames, closed }));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ ws, frames, closed, status: res.statusCode });
    });
    ws.once('error', () => undefined);
  });
}

const ask = (ws: WebSocket, id: number, said: string): void =>
  ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: id, transcript: [{ role: 'user', content: said }] }));

describe('reconnect and authorize', () => {
  it('without a hook, a second socket for a live call is refused (409) and the first goes on', async () => {
    server = await startHandler({ onResponseRequired: (r) => `ok ${r.response_id}` });
    const first = await open(`${server.url}/call_live`);
    const intruder = await open(`${server.url}/call_live`);
    expect(intruder.status).toBe(409);
    ask(first.ws, 1, 'still mine?');
    await expect.poll(() => first.frames.at(-1)).toMatchObject({ response_id: 1, content: 'ok 1' });
    expect(server.errors.map((e) => [e.error.code, e.error.severity])).toEqual([['unauthorized', 'warning']]);
    first.ws.close(1000);
  });

  it('a dropped socket resumes on reconnect: no second greeting, state kept', async () => {
    const events: string[] = [];
    server = await startHandler({
      onConnect: (s) => {
        events.push('connect');
        s.data['turns'] = 0;
        s.respond(0).end('Hello!');
      },
      onReconnect: (s) => void events.push(`reconnect latest=${s.latestResponseId} turns=${String(s.data['turns'])} connections=${s.connections}`),
      onResponseRequired: (r, { session }) => {
        session.data['turns'] = (session.data['turns'] as number) + 1;
        return `ok ${r.response_id}`;
      },
    });
    const first = await open(`${server.url}/call_drop`);
    ask(first.ws, 1, 'hi');
    await expect.poll(() => first.frames.length).toBe(3); // config, greeting, ok 1
    first.ws.terminate(); // a dropped connection (1006), not the end of the call
    await first.closed;
    await expect.poll(() => server!.handler.sessions.get('call_drop')?.open).toBe(false);
    const second = await open(`${server.url}/call_drop`);
    await expect.poll(() => second.frames.length).toBe(1);
    expect(second.frames[0]).toMatchObject({ response_type: 'config' });
    ask(second.ws, 2, 'again');
    await expect.poll(() => second.frames.at(-1)).toMatchObject({ response_id: 2, content: 'ok 2' });
    expect(events).toEqual(['connect', 'reconnect latest=1 turns=1 connections=2']);
    // A stale id from before the drop is still refused: the latest id carried over.
    ask(second.ws, 1, 'old');
    await expect.poll(() => server!.errors.map((e) => e.error.code)).toContain('protocol');
    second.ws.close(1000);
    await expect.poll(() => server!.handler.sessions.size).toBe(0);
  });

  it('authorize: unsigned upgrades get 401; a signed reconnect replaces the live socket and resumes', async () => {
    const greetings: string[] = [];
    server = await startHandler({
      authorize: signedUrl,
      onConnect: (s) => void greetings.push(s.callId),
      onResponseRequired: (r, { session }) => `ok ${r.response_id} (connection ${session.connections})`,
    });
    const unsigned = await open(`${server.url}/call_auth`);
    expect(unsigned.status).toBe(401);
    const forged = await open(`${server.url}/call_auth?sig=${sign('another_call')}`);
    expect(forged.status).toBe(401);
    const first = await open(`${server.url}/call_auth?sig=${sign('call_auth')}`);
    ask(first.ws, 1, 'hi');
    await expect.poll(() => first.frames.at(-1)).toMatchObject({ content: 'ok 1 (connection 1)' });
    const second = await open(`${server.url}/call_auth?sig=${sign('call_auth')}`);
    expect(await first.closed).toBe(CLOSE_REPLACED);
    ask(second.ws, 2, 'moved');
    await expect.poll(() => second.frames.at(-1)).toMatchObject({ content: 'ok 2 (connection 2)' });
    expect(greetings).toEqual(['call_auth']);
    expect(server.errors.filter((e) => e.error.code === 'unauthorized')).toHaveLength(2);
    second.ws.close(1000);
  });

  it('a normal close (1000) ends the call: the next socket is a new call', async () => {
    const connects: string[] = [];
    server = await startHandler({ onConnect: (s) => void connects.push(`${s.callId}#${s.connections}`) });
    const first = await open(`${server.url}/call_over`);
    first.ws.close(1000);
    await first.closed;
    await expect.poll(() => server!.handler.sessions.size).toBe(0);
    const second = await open(`${server.url}/call_over`);
    await expect.poll(() => connects).toEqual(['call_over#1', 'call_over#1']);
    second.ws.close(1000);
  });
});
