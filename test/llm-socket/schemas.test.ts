/**
 * The socket schemas come from the spec: the emitter takes both `x-custom-llm-websocket` unions and the
 * component schemas they reach, and writes nothing for a spec without the extension. The committed
 * module is checked for drift by `pnpm generate --check`; here, that it covers every message kind.
 */
import { describe, expect, it } from 'vitest';
import { emitLlmSocketSchemas } from '../../generator/src/emit/llm-socket/index.js';
import type { LoadedSpec } from '../../generator/src/load/index.js';
import { socketSchemas } from '../../packages/llm-socket/src/generated/schemas.js';
import { checkLlmMessage, checkRetellMessage } from '../../packages/llm-socket/src/index.js';

const spec = (document: Record<string, unknown>): LoadedSpec => ({ file: 'x.yaml', document, version: '3.1', hash: '', warnings: [] }) as unknown as LoadedSpec;

describe('socket schemas', () => {
  it('emits nothing for a spec without x-custom-llm-websocket, and the reachable schemas otherwise', () => {
    expect(emitLlmSocketSchemas(spec({ openapi: '3.1.0', components: { schemas: {} } }))).toEqual([]);
    const [file] = emitLlmSocketSchemas(
      spec({
        'x-custom-llm-websocket': { serverMessage: { $ref: '#/components/schemas/In' }, clientMessage: { $ref: '#/components/schemas/Out' } },
        components: { schemas: { In: { type: 'object', description: 'dropped', properties: { u: { $ref: '#/components/schemas/U' } } }, Out: { type: 'string' }, U: { type: 'integer' }, Unused: { type: 'null' } } },
      }),
    );
    expect(file).toMatchObject({ path: 'packages/llm-socket/src/generated/schemas.ts', header: true });
    const text = (file as { text: string }).text;
    expect(JSON.parse(text.slice(text.indexOf(' = ') + 3, text.lastIndexOf(';')))).toEqual({
      serverMessage: { $ref: '#/components/schemas/In' },
      clientMessage: { $ref: '#/components/schemas/Out' },
      components: { schemas: { In: { type: 'object', properties: { u: { $ref: '#/components/schemas/U' } } }, Out: { type: 'string' }, U: { type: 'integer' } } },
    });
  });

  it('the generated module has every message kind of both unions', () => {
    const kinds = (union: object, tag: string): string[] =>
      ((union as { oneOf: Array<{ $ref: string }> }).oneOf ?? []).map((b) => {
        const name = b.$ref.split('/').pop()!;
        const schema = socketSchemas.components.schemas[name] as { properties: Record<string, { const: string }> };
        return schema.properties[tag]!.const;
      });
    expect(kinds(socketSchemas.serverMessage, 'interaction_type').sort()).toEqual(['call_details', 'ping_pong', 'reminder_required', 'response_required', 'update_only']);
    expect(kinds(socketSchemas.clientMessage, 'response_type').sort()).toEqual(['agent_interrupt', 'config', 'metadata', 'ping_pong', 'response', 'tool_call_invocation', 'tool_call_result', 'update_agent']);
  });

  it.each([
    ['update_only with turntaking', { interaction_type: 'update_only', transcript: [{ role: 'agent', content: 'hi' }], turntaking: 'user_turn' }, true],
    ['update_only with a bad turntaking', { interaction_type: 'update_only', transcript: [], turntaking: 'nobody' }, false],
    ['reminder without transcript', { interaction_type: 'reminder_required', response_id: 1 }, false],
    ['web call details', { interaction_type: 'call_details', call: { call_type: 'web_call', call_id: 'c', agent_id: 'a', agent_version: 1, call_status: 'ongoing', access_token: 't' } }, true],
    ['call details without call', { interaction_type: 'call_details' }, false],
  ])('Retell message: %s', (_name, message, valid) => {
    if (valid) expect(checkRetellMessage(message)).toBe(message);
    else expect(() => checkRetellMessage(message)).toThrow();
  });

  it.each([
    ['agent_interrupt', { response_type: 'agent_interrupt', interrupt_id: 1, content: 'hey', content_complete: true, no_interruption_allowed: true }, true],
    ['response with transfer', { response_type: 'response', response_id: 2, content: '', content_complete: true, transfer_number: '+14155550100' }, true],
    ['metadata not an object', { response_type: 'metadata', metadata: 'x' }, false],
    ['tool call without arguments', { response_type: 'tool_call_invocation', tool_call_id: 't', name: 'n' }, false],
    ['config with an unknown option type', { response_type: 'config', config: { auto_reconnect: 'yes' } }, false],
  ])('server message: %s', (_name, message, valid) => {
    if (valid) expect(checkLlmMessage(message)).toBe(message);
    else expect(() => checkLlmMessage(message)).toThrow();
  });
});
