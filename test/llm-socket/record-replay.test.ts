/**
 * Recording and replay: a call recorded with the CLI's `--record` is replayed (`--replay`) against the
 * example server and reproduces its transcript; a real call's `transcript_object` becomes a script;
 * the markdown and html reports carry per-turn latency and the timeline; bad input exits 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLlmSocketHandler, parseRecording, recordedAgentTurns, runLlmSimCli, simulateCall, transcriptToScript, type SimReport } from '../../packages/llm-socket/src/index.js';
import { answer, lastUserText } from '../../examples/custom-llm/src/agent.js';

const dir = mkdtempSync(path.join(tmpdir(), 'llm-sim-rec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let handler: ReturnType<typeof createLlmSocketHandler> | undefined;
afterEach(async () => {
  await handler?.close();
  handler = undefined;
});

/** The example server's behaviour (examples/custom-llm/src/agent.ts), in-process. */
async function exampleServer(): Promise<string> {
  handler = createLlmSocketHandler({
    onConnect: (s) => void s.respond(0).end('Hello! This is the echo agent. How can I help?'),
    onResponseRequired: (r, { signal }) => answer(lastUserText(r.transcript), signal),
    onReminderRequired: (_r, { signal }) => answer('', signal),
    onError: () => undefined,
  });
  return (await handler.listen()).url;
}

const quiet = (): void => undefined;

describe('record, replay, report', () => {
  it('a recorded call replayed against the example server reproduces its transcript', async () => {
    const url = await exampleServer();
    const script = path.join(dir, 'call.yaml');
    writeFileSync(script, 'begin_message: true\nturns:\n  - user: Hi there\n  - silence: 50\n  - user: What time is it?\n  - user: Thanks, goodbye.\n');
    const recording = path.join(dir, 'call.jsonl');
    expect(await runLlmSimCli([url, '--script', script, '--record', recording], quiet, quiet)).toBe(0);
    const frames = parseRecording(readFileSync(recording, 'utf8'));
    expect(frames.some((f) => f.dir === 'out' && f.message['interaction_type'] === 'response_required')).toBe(true);
    expect(frames.every((f, i) => i === 0 || f.t >= frames[i - 1]!.t)).toBe(true);
    const original = recordedAgentTurns(frames);
    expect(original).toHaveLength(5);

    const out: string[] = [];
    expect(await runLlmSimCli([url, '--replay', recording, '--json'], (l) => out.push(l), quiet)).toBe(0);
    const replay = JSON.parse(out.join('\n')) as SimReport;
    expect(replay.turns.map((t) => t.agent)).toEqual(original);
  }, 60_000);

  it('a real call’s transcript_object becomes a script; markdown and html reports', async () => {
    const url = await exampleServer();
    const call = {
      call_id: 'call_real',
      agent_id: 'agent_x',
      transcript_object: [
        { role: 'agent', content: 'Hello!', words: [] },
        { role: 'user', content: 'I need a plumber', words: [{ word: 'I', start: 0.1, end: 0.2 }] },
        { role: 'agent', content: 'Sure.' },
        { role: 'user', content: 'Bye now' },
      ],
    };
    expect(transcriptToScript(call)).toMatchObject({ begin_message: true, agent_id: 'agent_x', turns: [{ user: 'I need a plumber' }, { user: 'Bye now' }] });
    const file = path.join(dir, 'call.json');
    writeFileSync(file, JSON.stringify(call));
    const md: string[] = [];
    expect(await runLlmSimCli([url, '--from-call', file, '--report', 'markdown'], (l) => md.push(l), quiet)).toBe(0);
    expect(md.join('\n')).toMatch(/\| 0 \| [\d.]+ \| user \| [\d.]+ \| [\d.]+ \| \d+ \| I need a plumber \| You said: I need a plumber/);
    const html: string[] = [];
    const report = await simulateCall(url, transcriptToScript(call));
    expect(report.ok).toBe(true);
    expect(await runLlmSimCli([url, '--from-call', file, '--report', 'html'], (l) => html.push(l), quiet)).toBe(0);
    expect(html.join('\n')).toMatch(/<span class="speak" style="left:[\d.]+%;width:[\d.]+%"><\/span>/);
  }, 60_000);

  it('usage errors and bad recordings exit 2 with the file and line', async () => {
    const errors: string[] = [];
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"recording":1}\n{"t":1,"dir":"out","message":{}}\nnot json\n');
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x', '--replay', bad], quiet, (l) => errors.push(l))).toBe(2);
    expect(errors.at(-1)).toMatch(/bad\.jsonl: line 3: /);
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x', '--report', 'pdf'], quiet, (l) => errors.push(l))).toBe(2);
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x', '--nope'], quiet, (l) => errors.push(l))).toBe(2);
    expect(await runLlmSimCli(['ws://127.0.0.1:9/x', '--script', 'a', '--replay', 'b'], quiet, (l) => errors.push(l))).toBe(2);
    expect(errors.at(-1)).toMatch(/only one of --script, --replay and --from-call/);
  });
});
