/**
 * The handler fails open, as Retell's platform does: nulls in optional fields, unknown roles and
 * unknown fields are warnings and the turn is answered; every documented call_details shape reaches
 * onCallDetails (and a greeting sent from there goes out); an error names the message kind that failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { formatReport, readRetellMessage, simulateCall } from '../../packages/llm-socket/src/index.js';
import { startHandler } from './helpers.js';

let server: Awaited<ReturnType<typeof startHandler>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function connect(url: string): Promise<{ ws: WebSocket; frames: Array<Record<string, unknown>> }> {
  const ws = new WebSocket(url);
  const frames: Array<Record<string, unknown>> = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
  await new Promise((r) => ws.once('open', r));
  return { ws, frames };
}

describe('fail-open reading', () => {
  it('answers a response_required with nulls, a system role and an unknown field, and warns about each', async () => {
    const seen: unknown[] = [];
    server = await startHandler({
      onResponseRequired: (r) => {
        seen.push(r.transcript.map((u) => u.role));
        return 'heard you';
      },
    });
    const { ws, frames } = await connect(`${server.url}/call_nulls`);
    ws.send(
      JSON.stringify({
        interaction_type: 'response_required',
        response_id: 1,
        transcript: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'hello', words: null },
        ],
        transcript_with_tool_calls: null,
        turntaking: null,
        brand_new_field: 1,
      }),
    );
    await expect.poll(() => frames.at(-1)).toMatchObject({ response_id: 1, content: 'heard you', content_complete: true });
    expect(seen).toEqual([['system', 'user']]);
    const warnings = server.errors.map((e) => [e.error.severity, e.error.code, e.error.pointer]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ['warning', 'tolerated', '/transcript_with_tool_calls'],
        ['warning', 'tolerated', '/turntaking'],
        ['warning', 'tolerated', '/transcript/1/words'],
        ['warning', 'tolerated', '/transcript/0/role'],
        ['warning', 'tolerated', '/brand_new_field'],
      ]),
    );
    expect(server.errors.every((e) => e.error.severity === 'warning')).toBe(true);
    ws.close(1000);
  });

  it.each([
    ['inbound_phone_call (as the API reference spells call types)', { call_type: 'inbound_phone_call', call_id: 'c1', agent_id: 'a', agent_version: 1, call_status: 'ongoing', direction: 'inbound', from_number: '+1415', to_number: '+1416' }],
    ['a web call without access_token', { call_type: 'web_call', call_id: 'c2', agent_id: 'a', agent_version: 1, call_status: 'ongoing' }],
    ['a phone call with nulls', { call_type: 'phone_call', call_id: 'c3', agent_id: 'a', agent_version: 1, call_status: 'ongoing', direction: 'inbound', from_number: '+1415', to_number: '+1416', metadata: null, transfer_destination: null }],
  ])('call_details: %s reaches onCallDetails, and its greeting goes out', async (_name, call) => {
    server = await startHandler({
      onCallDetails: ({ call: c }, session) => void session.respond(0).end(`Hello ${String((c as { call_id: string }).call_id)}`),
    });
    const { ws, frames } = await connect(`${server.url}/call_details`);
    ws.send(JSON.stringify({ interaction_type: 'call_details', call }));
    await expect.poll(() => frames.at(-1)).toMatchObject({ response_id: 0, content: `Hello ${call.call_id}`, content_complete: true });
    for (const { error } of server.errors) {
      expect(error.severity).toBe('warning');
      expect(error.message).toMatch(/call_details/);
      expect(error.message).not.toMatch(/unknown interaction_type/);
    }
    ws.close(1000);
  });

  it('what cannot be acted on is an error that names the message kind', () => {
    expect(() => readRetellMessage({ interaction_type: 'response_required', transcript: [] })).toThrow(/^invalid response_required message: must be an integer ≥ 0 \(at \/response_id\)$/);
    expect(() => readRetellMessage({ interaction_type: 'call_details', call: 'x' })).toThrow(/^invalid call_details message: must be an object \(at \/call\)$/);
    expect(() => readRetellMessage({ interaction_type: 'update_only', transcript: null })).toThrow(/^invalid update_only message: must be an array \(at \/transcript\)$/);
  });

  it('the simulator sends each call_details shape and a helper server passes with 0 violations', async () => {
    server = await startHandler({
      onCallDetails: (_m, session) => void session.respond(0).end('Welcome!'),
      onResponseRequired: () => 'ok',
    });
    for (const call_type of ['phone_call', 'inbound_phone_call', 'outbound_phone_call', 'web_call'] as const) {
      const report = await simulateCall(`${server.url}?token=abc`, { call_type, begin_message: true, turns: [{ user: 'hi' }] });
      expect(report.violations, formatReport(report)).toEqual([]);
      expect(report.url).toMatch(/\/llm-websocket\/call_sim_[0-9a-f]+\?token=abc$/);
      expect(report.turns[0]).toMatchObject({ kind: 'begin', agent: 'Welcome!' });
    }
    expect(server.errors.filter((e) => e.error.severity === 'error')).toEqual([]);
  });
});
