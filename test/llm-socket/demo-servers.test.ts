/**
 * Servers written the way Retell's public demos are (a bare Node `ws` server and a bare Python
 * `websockets` server, each streaming from a loopback fake of an OpenAI-style endpoint, null in their
 * optional fields), plus the Python helper's example: the simulator passes them with 0 violations by
 * default, as Retell's platform would, and `strict` reports exactly the departures from the docs as
 * warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, simulateCall, type SimReport, type SimScript } from '../../packages/llm-socket/src/index.js';
import { startFakeOpenAi, streamCompletion, type FakeOpenAi } from './fake-openai.js';
import { onJson, startBareServer, type Started } from './helpers.js';
import { startPython, type PythonServer } from './python-servers.js';

let openai: FakeOpenAi;
beforeAll(async () => {
  openai = await startFakeOpenAi();
});
afterAll(async () => {
  await openai.close();
});

const warned = (r: SimReport): string[] => [...new Set(r.warnings.map((w) => w.code))].sort();

const SCRIPT: SimScript = {
  begin_message: true,
  turns: [
    { user: 'Hi, what are your opening hours?', expect: { contains: 'opening hours' } },
    { user: 'Tell me everything about the menu, from starters to desserts.', interrupt_after_chunks: 2 },
    { user: 'Sorry, a table for two please.', expect: { contains: 'table for two' } },
    { user: 'Thanks, goodbye.', expect: { end_call: true } },
  ],
};

/** The Node demo's shape: no config, greeting on connect, every response with all its optional fields. */
function nodeDemo(ws: Parameters<Parameters<typeof startBareServer>[0]>[0], send: (m: unknown) => void): void {
  const response = (id: number, content: string, complete: boolean, endCall = false) => ({
    response_type: 'response',
    response_id: id,
    content,
    content_complete: complete,
    end_call: endCall,
    transfer_number: null,
    no_interruption_allowed: null,
  });
  send(response(0, 'Hello, this is the demo agent.', true));
  let current: AbortController | undefined;
  onJson(ws, (m) => {
    if (m['interaction_type'] !== 'response_required' && m['interaction_type'] !== 'reminder_required') return;
    current?.abort();
    const abort = (current = new AbortController());
    const id = m['response_id'] as number;
    const transcript = m['transcript'] as Array<{ role: string; content: string }>;
    const said = transcript.at(-1)?.content ?? '';
    if (/goodbye/i.test(said)) return send(response(id, 'Goodbye!', true, true));
    void (async () => {
      try {
        for await (const delta of streamCompletion(openai.baseUrl, transcript.map((u) => ({ role: u.role === 'agent' ? 'assistant' : 'user', content: u.content })), abort.signal)) {
          send(response(id, delta, false));
        }
        send(response(id, '', true));
      } catch {
        // aborted by a newer request
      }
    })();
  });
}

describe('servers in the style of Retell’s demos', () => {
  let node: Started | undefined;
  let python: PythonServer | undefined;
  afterAll(async () => {
    await node?.close();
    await python?.stop();
  });

  it('Node demo (no config, nulls in optional fields): 0 violations; strict warns about both', async () => {
    node = await startBareServer(nodeDemo);
    const report = await simulateCall(node.url, { ...SCRIPT, config_timeout_ms: 300 });
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.turns.map((t) => t.agent.trim())).toContain('I heard: Hi, what are your opening hours?');
    const strict = await simulateCall(node.url, { ...SCRIPT, config_timeout_ms: 300 }, { strictness: 'strict' });
    expect(strict.violations, formatReport(strict)).toEqual([]);
    expect(warned(strict)).toEqual(['no-config', 'null-field']);
    expect(strict.warnings.find((w) => w.code === 'null-field')).toMatchObject({ pointer: '/transfer_number', rule: expect.stringMatching(/omitted, not null/) });
    expect(openai.requests).toBeGreaterThan(0);
  }, 60_000);

  it('Python demo (config, greeting from call_details, nulls): 0 violations; strict warns about the nulls', async () => {
    python = await startPython('test/llm-socket/fixtures/demo_server.py', [openai.baseUrl]);
    const report = await simulateCall(python.url, { ...SCRIPT, call_type: 'inbound_phone_call' });
    expect(report.violations, `${formatReport(report)}\n${python.output()}`).toEqual([]);
    expect(report.turns[0]).toMatchObject({ kind: 'begin', agent: 'Hi, thanks for calling the demo.' });
    const strict = await simulateCall(python.url, { ...SCRIPT, call_type: 'web_call' }, { strictness: 'strict' });
    expect(strict.violations, formatReport(strict)).toEqual([]);
    expect(warned(strict)).toEqual(['null-field']);
    await python.stop();
    python = undefined;
  }, 90_000);

  it('the Python helper’s example: 0 violations even under strict, for a phone and a web call', async () => {
    python = await startPython('examples/custom-llm/python/server.py', ['0']);
    for (const call_type of ['phone_call', 'web_call'] as const) {
      const report = await simulateCall(python.url, { ...SCRIPT, call_type, turns: [...SCRIPT.turns.slice(0, 1), { silence: 50, expect: { contains: 'still there' } }, ...SCRIPT.turns.slice(1)] }, { strictness: 'strict' });
      expect([report.violations, report.warnings], `${formatReport(report)}\n${python.output()}`).toEqual([[], []]);
      expect(report.turns.find((t) => t.interrupted)).toBeDefined();
    }
  }, 90_000);
});
