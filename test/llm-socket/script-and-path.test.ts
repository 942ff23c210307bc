/** Table-driven: the simulator's script checks (with JSON pointers) and the upgrade path patterns. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePath } from '../../packages/llm-socket/src/handler/path.js';
import { DEFAULT_SCRIPT, loadScript, parseScript, ScriptError } from '../../packages/llm-socket/src/index.js';

describe('parseScript', () => {
  it.each<[string, { given: unknown; want: string }]>([
    ['not an object', { given: [1], want: 'the script must be an object with a "turns" list (at /)' }],
    ['no turns', { given: {}, want: 'must be a list of steps (at /turns)' }],
    ['unknown top-level field', { given: { turns: [], speed: 2 }, want: 'unknown field "speed"' }],
    ['step without kind', { given: { turns: [{ say: 'x' }] }, want: 'a step must have "user" (what the user says), "silence" (ms before a reminder), "update" (partial speech) or "reconnect: true" (at /turns/0)' }],
    ['user not a string', { given: { turns: [{ user: 5 }] }, want: 'must be a string (at /turns/0/user)' }],
    ['negative silence', { given: { turns: [{ silence: -1 }] }, want: 'must be an integer from 0 to 600000 (at /turns/0/silence)' }],
    ['interrupt on last step', { given: { turns: [{ user: 'a', interrupt_after_chunks: 1 }] }, want: 'the last step cannot be interrupted: nothing follows it (at /turns/0/interrupt_after_chunks)' }],
    ['bad expect', { given: { turns: [{ user: 'a', expect: { end_call: 'yes' } }] }, want: 'must be a boolean (at /turns/0/expect/end_call)' }],
    ['zero timeout', { given: { turn_timeout_ms: 0, turns: [] }, want: 'must be an integer from 1 to 600000 (at /turn_timeout_ms)' }],
    ['too deep', { given: { metadata: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)), turns: [] }, want: 'nested deeper than 16 levels' }],
  ])('%s', (_name, { given, want }) => {
    expect(() => parseScript(given)).toThrow(want);
  });

  it('accepts the default script and strips prototype keys', () => {
    expect(parseScript(DEFAULT_SCRIPT)).toEqual(DEFAULT_SCRIPT);
    const parsed = parseScript(JSON.parse('{"metadata":{"__proto__":{"x":1},"ok":1},"turns":[]}'));
    expect(parsed.metadata).toEqual({ ok: 1 });
  });

  it('loads YAML files and names the file in errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llm-sim-'));
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, 'begin_message: true\nturns:\n  - user: hi\n  - silence: 10\n');
    expect(await loadScript(good)).toEqual({ begin_message: true, turns: [{ user: 'hi' }, { silence: 10 }] });
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'turns:\n  - user: hi\n  - silence: soon\n');
    await expect(loadScript(bad)).rejects.toThrow(`${bad}: must be an integer from 0 to 600000 (at /turns/1/silence)`);
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'turns: [\n');
    await expect(loadScript(broken)).rejects.toBeInstanceOf(ScriptError);
    await expect(loadScript(broken)).rejects.toThrow(/broken\.yaml: not valid YAML: .*line/);
  });
});

describe('compilePath', () => {
  const match = compilePath('/llm-websocket/:call_id');
  it.each<[string, { given: string | undefined; want: string | undefined }]>([
    ['plain', { given: '/llm-websocket/call_1', want: 'call_1' }],
    ['trailing slash and query', { given: '/llm-websocket/call_1/?x=1', want: 'call_1' }],
    ['percent-encoded', { given: '/llm-websocket/call%201', want: 'call 1' }],
    ['other path', { given: '/other/call_1', want: undefined }],
    ['nested', { given: '/llm-websocket/a/b', want: undefined }],
    ['empty id', { given: '/llm-websocket/', want: undefined }],
    ['bad escape', { given: '/llm-websocket/%E0%A4%A', want: undefined }],
    ['encoded slash', { given: '/llm-websocket/a%2Fb', want: undefined }],
    ['too long', { given: `/llm-websocket/${'x'.repeat(300)}`, want: undefined }],
    ['no url', { given: undefined, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(match(given)?.callId).toBe(want);
  });

  it('puts the call id anywhere and rejects patterns without it', () => {
    expect(compilePath('/v1/:call_id/llm')('/v1/abc/llm')?.callId).toBe('abc');
    expect(() => compilePath('/llm-websocket')).toThrow(/must start with "\/" and contain ":call_id" once/);
  });
});
