/**
 * The simulator acts out a real call: heartbeats for the whole call, a bare update_only while the user
 * is still talking, a dropped socket and a reconnect with the same call id, and a caller who hangs up
 * while the agent is still speaking.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, parseScript, simulateCall, type SimReport } from '../../packages/llm-socket/src/index.js';
import { startHandler, words } from './helpers.js';

let server: Awaited<ReturnType<typeof startHandler>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const warned = (r: SimReport): string[] => r.warnings.map((w) => w.code);

describe('a real call', () => {
  it('pings throughout, sends a bare update_only, reconnects with the same call id, and hangs up mid-answer', async () => {
    const events: string[] = [];
    let pings = 0;
    server = await startHandler({
      onConnect: (s) => void s.respond(0).end('Hi!'),
      onReconnect: (s) => void events.push(`reconnect #${s.connections} latest=${s.latestResponseId}`),
      onUpdate: (m) => void events.push(`update ${m.turntaking ?? '-'} ${m.transcript.at(-1)?.content ?? ''}`),
      onMessage: (m) => void (m.interaction_type === 'ping_pong' && pings++),
      onResponseRequired: (r, { signal }) => words(`you said ${r.transcript.at(-1)?.content ?? ''} and a few more words to say`, 20, signal),
      onClose: (s, code) => void events.push(`close ${code} aborted=${s.signal.aborted}`),
    });
    const script = parseScript({
      call_id: 'call_real',
      begin_message: true,
      turns: [{ user: 'first' }, { update: 'I was wonder' }, { reconnect: true }, { user: 'second' }, { user: 'third', hangup_after_chunks: 2 }],
    });
    const report = await simulateCall(server.url, script, { pingIntervalMs: 100 });
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.turns.map((t) => [t.said ?? t.kind, t.interrupted])).toEqual([
      ['begin', false],
      ['first', false],
      ['second', false],
      ['third', true],
    ]);
    expect(pings).toBeGreaterThanOrEqual(3);
    await expect.poll(() => events.at(-1)).toBe('close 1000 aborted=true');
    expect(events).toContain('update user_turn I was wonder');
    expect(events).toContain('reconnect #2 latest=1');
  }, 60_000);

  it('a server that greets again after the reconnect is warned about (Retell drops the stale greeting)', async () => {
    server = await startHandler({ onConnect: (s) => void s.respond(0).end('Hi!'), onResponseRequired: () => 'ok', resumeWindowMs: 0 });
    const regreet = await simulateCall(server.url, { begin_message: true, turns: [{ user: 'a' }, { reconnect: true }, { user: 'b' }] });
    expect(regreet.violations, formatReport(regreet)).toEqual([]);
    expect(warned(regreet)).toEqual(['superseded-answered']);
    expect(regreet.warnings[0]!.message).toMatch(/greeting \(response_id 0\) arrived after response_id 1/);
  }, 60_000);

  it('script errors for the new steps carry their pointer', () => {
    expect(() => parseScript({ turns: [{ user: 'a', hangup_after_chunks: 1 }, { user: 'b' }] })).toThrow(/only the last step can hang up \(at \/turns\/0\/hangup_after_chunks\)/);
    expect(() => parseScript({ turns: [{ reconnect: 'yes' }] })).toThrow(/must be true \(at \/turns\/0\/reconnect\)/);
    expect(() => parseScript({ turns: [{ update: 1 }] })).toThrow(/must be a string \(at \/turns\/0\/update\)/);
  });
});
