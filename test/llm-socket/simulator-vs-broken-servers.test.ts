/**
 * The simulator against bare ws servers that break the protocol on purpose: each breach is reported
 * with its code (and JSON pointer where there is one), the report fails, and nothing hangs: a server
 * that never completes is cut off by the per-turn timeout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, runLlmSimCli, simulateCall, type SimReport } from '../../packages/llm-socket/src/index.js';
import { onJson, sleep, startBareServer, type Started } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CONFIG = { response_type: 'config', config: { auto_reconnect: false, call_details: false } };
const codes = (report: SimReport): string[] => [...new Set(report.violations.map((v) => v.code))];
const warned = (report: SimReport): string[] => [...new Set(report.warnings.map((v) => v.code))];

/** A well-behaved bare server, for the baseline and for variants that break one rule. */
function answering(answer: (request: Record<string, unknown>, send: (m: unknown) => void) => void | Promise<void>, first: unknown = CONFIG /* null: send nothing first */) {
  return (ws: Parameters<Parameters<typeof startBareServer>[0]>[0], send: (m: unknown) => void): void => {
    if (first !== null) send(first);
    onJson(ws, (m) => {
      if (m['interaction_type'] === 'response_required' || m['interaction_type'] === 'reminder_required') void answer(m, send);
    });
  };
}

const complete = (id: unknown, content = 'ok') => ({ response_type: 'response', response_id: id, content, content_complete: true });

describe('simulateCall against broken servers', () => {
  it('baseline: a correct bare server passes', async () => {
    server = await startBareServer(answering((r, send) => send(complete(r['response_id']))));
    const report = await simulateCall(server.url, { turns: [{ user: 'a' }, { silence: 5 }] });
    expect(report.violations, formatReport(report)).toEqual([]);
  });

  it('wrong response_id', async () => {
    server = await startBareServer(answering((r, send) => send(complete((r['response_id'] as number) + 7))));
    const report = await simulateCall(server.url, { turn_timeout_ms: 1000, turns: [{ user: 'a' }] });
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(['wrong-response-id', 'turn-timeout']);
    expect(report.violations[0]).toMatchObject({ turn: 0, pointer: '/response_id', message: 'response_id 8 was never requested (latest request: 1)' });
  });

  it('no config: tolerated (the docs call it optional); a warning under strict', async () => {
    server = await startBareServer(answering((r, send) => send(complete(r['response_id'])), null));
    const report = await simulateCall(server.url, { config_timeout_ms: 300, turns: [{ user: 'a' }] });
    expect([codes(report), warned(report)]).toEqual([[], []]);
    expect(report.turns[0]!.completeMs).toBeDefined();
    const strict = await simulateCall(server.url, { config_timeout_ms: 300, turns: [{ user: 'a' }] }, { strictness: 'strict' });
    expect([codes(strict), warned(strict), strict.ok]).toEqual([[], ['no-config'], true]);
    expect(strict.warnings[0]!.rule).toMatch(/config message is optional/);
  });

  it('config not first', async () => {
    server = await startBareServer((ws, send) => {
      send({ response_type: 'metadata', metadata: { hello: 1 } });
      answering((r, s) => s(complete(r['response_id'])))(ws, send);
    });
    const report = await simulateCall(server.url, { turns: [{ user: 'a' }] });
    expect([codes(report), warned(report)]).toEqual([[], ['config-not-first']]);
    const strict = await simulateCall(server.url, { turns: [{ user: 'a' }] }, { strictness: 'strict' });
    expect(codes(strict)).toEqual(['config-not-first']);
    expect(strict.violations[0]).toMatchObject({ level: 'violation', rule: expect.stringMatching(/first message/) });
  });

  it('malformed JSON and messages the spec does not allow', async () => {
    server = await startBareServer(
      answering((r, send) => {
        send('{"response_type": "response", ');
        send({ response_type: 'telepathy', response_id: r['response_id'] });
        send({ response_type: 'response', response_id: r['response_id'], content: 42, content_complete: false });
        send(complete(r['response_id']));
      }),
    );
    const report = await simulateCall(server.url, { turns: [{ user: 'a' }] });
    expect(codes(report)).toEqual(['malformed-json', 'schema']);
    const schema = report.violations.filter((v) => v.code === 'schema');
    expect(schema.map((v) => v.pointer)).toEqual(['/response_type', '/content']);
    expect(schema[0]!.message).toMatch(/unknown response_type "telepathy"/);
    expect(schema[1]!.message).toMatch(/invalid response message: must be string/);
  });

  it('answering a superseded turn after the newer one', async () => {
    // Each request gets its own stream and nothing is ever cancelled: the old answer keeps coming
    // after the server has already started answering the newer request.
    server = await startBareServer(
      answering(async (r, send) => {
        const id = r['response_id'];
        for (let i = 0; i < 6; i++) {
          send({ response_type: 'response', response_id: id, content: `w${i} `, content_complete: false });
          await sleep(40);
        }
        send(complete(id, ''));
      }),
    );
    const report = await simulateCall(server.url, { turns: [{ user: 'long', interrupt_after_chunks: 1 }, { user: 'short' }] });
    // The docs only say Retell ignores such replies: a warning, not a failure.
    expect([codes(report), warned(report), report.ok]).toEqual([[], ['superseded-answered'], true]);
    expect(report.warnings[0]).toMatchObject({ turn: 1, level: 'warning', message: 'response for response_id 1 after response_id 2 superseded it' });
    expect(report.turns.map((t) => [t.responseId, t.interrupted])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('content after content_complete', async () => {
    server = await startBareServer(answering((r, send) => {
      send(complete(r['response_id']));
      send(complete(r['response_id'], 'again'));
    }));
    const report = await simulateCall(server.url, { turns: [{ user: 'a' }, { user: 'b' }] });
    expect(codes(report)).toEqual(['after-complete']);
  });

  it('never completing: bounded by the per-turn timeout', async () => {
    server = await startBareServer(answering((r, send) => send({ response_type: 'response', response_id: r['response_id'], content: 'thinking', content_complete: false })));
    const started = Date.now();
    const report = await simulateCall(server.url, { turn_timeout_ms: 500, turns: [{ user: 'a' }, { user: 'never sent' }] });
    expect(codes(report)).toEqual(['turn-timeout']);
    expect(report.violations[0]!.message).toMatch(/no content_complete for response_id 1 within 500 ms \(1 chunk\(s\) received\)/);
    expect(report.turns).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('heartbeat unanswered while auto_reconnect is on', async () => {
    server = await startBareServer(answering((r, send) => send(complete(r['response_id'])), { response_type: 'config', config: { auto_reconnect: true } }));
    const report = await simulateCall(server.url, { turn_timeout_ms: 400, turns: [{ user: 'a' }] });
    expect(codes(report)).toEqual(['no-pong']);
  });

  it('tool call result without invocation, and an expected tool call missing', async () => {
    server = await startBareServer(answering((r, send) => {
      send({ response_type: 'tool_call_result', tool_call_id: 'nope', content: 'x' });
      send(complete(r['response_id']));
    }));
    const report = await simulateCall(server.url, { turns: [{ user: 'a', expect: { tool_call: 'lookup' } }] });
    expect(report.violations.map((v) => v.message)).toEqual(['tool_call_result for unknown tool_call_id "nope"', 'no tool_call_invocation of "lookup" during the turn']);
  });

  it('closing the socket mid-call', async () => {
    server = await startBareServer(answering((_r, send) => send({ response_type: 'metadata', metadata: {} })));
    server = await (async (prev) => {
      await prev.close();
      return startBareServer((ws, send) => {
        send(CONFIG);
        onJson(ws, (m) => m['interaction_type'] === 'response_required' && ws.close(4000, 'bye'));
      });
    })(server);
    const report = await simulateCall(server.url, { turns: [{ user: 'a' }, { user: 'b' }] });
    expect(codes(report)).toEqual(['closed-early']);
    expect(report.violations[0]!.message).toMatch(/code 4000, bye/);
  });

  it('unreachable server; the CLI exits 1 on violations and 2 on a bad script', async () => {
    const report = await simulateCall('ws://127.0.0.1:9/llm-websocket', { turns: [{ user: 'a' }] });
    expect(codes(report)).toEqual(['connect-failed']);
    const out: string[] = [];
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x'], (l) => out.push(l), (l) => out.push(l))).toBe(1);
    expect(out.join('\n')).toMatch(/✖ FAIL/);
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x', '--script', '/nonexistent.yaml'], () => undefined, () => undefined)).toBe(2);
    expect(await runLlmSimCli(['http://x'], () => undefined, () => undefined)).toBe(2);
  });
});
