/**
 * The helper against the simulator over real loopback sockets: greeting, turns, a reminder, an
 * interruption, a tool call and hanging up all pass the simulator's checks, and the callbacks see
 * what Retell sent (call details, transcripts, ids).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, simulateCall, type LlmSocketResponseRequired } from '../../packages/llm-socket/src/index.js';
import { startHandler, words, type Started } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const lastUser = (r: LlmSocketResponseRequired): string => [...r.transcript].reverse().find((u) => u.role === 'user')?.content ?? '';

describe('createLlmSocketHandler × simulateCall', () => {
  it('passes a full scripted call and hands the callbacks what Retell sent', async () => {
    const seen: { details?: string; requests: number[]; reminders: number[]; updates: number; transcripts: number[] } = { requests: [], reminders: [], updates: 0, transcripts: [] };
    server = await startHandler({
      config: { auto_reconnect: true, call_details: true, transcript_with_tool_calls: true },
      onConnect: (session) => void session.respond(0).end('Welcome to the test line.'),
      onCallDetails: ({ call }, session) => {
        seen.details = `${call.call_id}|${call.agent_id}|${session.callId}`;
      },
      onUpdate: () => void seen.updates++,
      onResponseRequired: (request, { session, signal }) => {
        seen.requests.push(request.response_id);
        seen.transcripts.push(session.transcript.length);
        const said = lastUser(request);
        if (said.includes('book')) {
          session.send({ response_type: 'tool_call_invocation', tool_call_id: `t${request.response_id}`, name: 'book_table', arguments: '{"party":2}' });
          session.send({ response_type: 'tool_call_result', tool_call_id: `t${request.response_id}`, content: 'booked' });
        }
        if (said.includes('bye')) return (async function* () {
          yield 'Goodbye ';
          yield { content: 'now.', end_call: true };
        })();
        return words(`echo ${said}`, 3, signal);
      },
      onReminderRequired: (request) => {
        seen.reminders.push(request.response_id);
        return 'Still there?';
      },
    });
    const report = await simulateCall(server.url, {
      call_id: 'call_full_1',
      agent_id: 'agent_test',
      begin_message: true,
      stale_grace_ms: 60_000,
      turns: [
        { user: 'hello there', expect: { contains: 'echo hello there' } },
        { silence: 50, expect: { contains: 'still there' } },
        { user: 'one two three four five six seven eight nine ten', interrupt_after_chunks: 2 },
        { user: 'please book a table', expect: { tool_call: 'book_table', contains: 'book a table' } },
        { user: 'bye', expect: { end_call: true, contains: 'goodbye now' } },
      ],
    });
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.config).toEqual({ auto_reconnect: true, call_details: true, transcript_with_tool_calls: true });
    expect(seen.details).toBe('call_full_1|agent_test|call_full_1');
    expect(seen.requests).toEqual([1, 3, 4, 5]);
    expect(seen.reminders).toEqual([2]);
    expect(seen.updates).toBe(4);
    // Each request carries the whole conversation so far: user + agent turns, the greeting included.
    expect(seen.transcripts).toEqual([2, 5, 7, 9]);
    const byKind = report.turns.map((t) => `${t.kind}:${t.responseId}:${t.interrupted ? 'cut' : t.completeMs !== undefined ? 'done' : 'open'}`);
    expect(byKind).toEqual(['begin:0:done', 'user:1:done', 'reminder:2:done', 'user:3:cut', 'user:4:done', 'user:5:done']);
    expect(report.turns[0]!.agent).toBe('Welcome to the test line.');
    expect(report.turns[3]!.chunks).toBeGreaterThanOrEqual(2);
    for (const t of report.turns.filter((t) => !t.interrupted)) {
      expect(t.firstChunkMs).toBeGreaterThanOrEqual(0);
      expect(t.completeMs).toBeGreaterThanOrEqual(t.firstChunkMs!);
    }
    expect(formatReport(report)).toMatch(/✔ PASS {2}6 turn\(s\), 0 violation\(s\)/);
    expect(server.errors.map((e) => e.error.message)).toEqual([]);
  });

  it('answers heartbeats only when auto_reconnect is on, and config comes first either way', async () => {
    server = await startHandler({ config: { auto_reconnect: false, call_details: false }, onResponseRequired: () => 'ok' });
    const report = await simulateCall(server.url, { turns: [{ user: 'hi', expect: { contains: 'ok' } }] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.config).toEqual({ auto_reconnect: false, call_details: false });
  });

  it('sends an empty complete answer to a reminder when there is no reminder callback', async () => {
    server = await startHandler({ onResponseRequired: () => 'fine' });
    const report = await simulateCall(server.url, { turns: [{ silence: 1 }, { user: 'x' }] });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.turns.map((t) => [t.kind, t.agent, t.chunks])).toEqual([
      ['reminder', '', 1],
      ['user', 'fine', 1],
    ]);
  });

  it('closes cleanly when the call ends: session signal aborts and onClose sees 1000', async () => {
    const closes: Array<[string, number, boolean]> = [];
    server = await startHandler({
      onResponseRequired: () => 'hi',
      onClose: (session, code) => closes.push([session.callId, code, session.signal.aborted]),
    });
    const report = await simulateCall(server.url, { call_id: 'call_close', turns: [{ user: 'a' }] });
    expect(report.ok, formatReport(report)).toBe(true);
    await expect.poll(() => closes, { timeout: 10_000 }).toEqual([['call_close', 1000, true]]);
    expect(server.handler.sessions.size).toBe(0);
  });
});
