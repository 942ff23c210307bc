/**
 * The generated docs index and api.md come from one model: every facade method has a page with its
 * signature, route, parameters (nested, with type and required/optional), response and examples, and
 * api.md shows the same signature and route. Webhook events and custom-LLM socket messages are indexed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodDocs, pagesOf, TypeChecker } from '@retell-kit/mcp';
import { MCP_ROOT, REPO } from './helpers.js';

const apiMd = readFileSync(path.join(REPO, 'packages/sdk/api.md'), 'utf8');

describe('docs index', () => {
  const methods = methodDocs();

  it('has a page per facade method that agrees with api.md', () => {
    expect(methods).toHaveLength(114);
    for (const m of methods) {
      expect(apiMd, m.id).toContain(`### \`client.${m.resource}.${m.method}\``);
      expect(apiMd, m.id).toContain(m.signature.replace(/^client\.\w+\./, ''));
      expect(apiMd, m.id).toContain(`\`${m.httpMethod} ${m.path}\``);
      expect(m.markdown).toContain(`\`${m.httpMethod} ${m.path}\``);
      expect(m.markdown).toContain('**Example (TypeScript)**');
      expect(m.markdown).toContain(`curl -X ${m.httpMethod} https://api.retellai.com`);
      // The Python SDK's example for the same method (emit/python), shown on the page.
      expect(m.examples.python, m.id).toMatch(/^from retell import Retell$/m);
      expect(m.markdown).toContain('**Example (Python)**');
      expect(m.markdown).toContain(m.examples.python!.trim().split('\n').at(-2)!);
    }
  });

  it('documents parameters with nested fields, enums, defaults and the response fields', () => {
    const phone = methods.find((m) => m.id === 'call.createPhoneCall')!;
    expect(phone.markdown).toMatch(/- `from_number` \(`string`, required\): \S/);
    expect(phone.fieldNames).toContain('agent_override.agent');
    expect(phone.response.type).toBe('PhoneCallResponse');
    expect(phone.response.fieldNames).toContain('call_id');
    const agent = methods.find((m) => m.id === 'agent.create')!;
    expect(agent.markdown).toMatch(/`response_engine` \(`[^`]+`, required\)/);
    expect(agent.markdown).toMatch(/one of `|'[a-z-]+' \|/);
    expect(agent.inputSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['response_engine']) });
    expect(JSON.stringify(agent.inputSchema)).not.toContain('$ref');
    const deleteSource = methods.find((m) => m.id === 'knowledgeBase.deleteSource')!;
    expect(deleteSource.positionalNames).toEqual(['source_id']);
    expect(deleteSource.markdown).toContain('`knowledge_base_id` (`string`, required)');
  });

  it('indexes every webhook event and custom-LLM socket message', () => {
    const pages = pagesOf();
    const webhooks = pages.filter((p) => p.kind === 'webhook').map((p) => p.id);
    expect(webhooks).toEqual(expect.arrayContaining(['webhook.call_started', 'webhook.call_ended', 'webhook.call_analyzed', 'webhook.transcript_updated']));
    expect(webhooks).toHaveLength(11);
    const sockets = pages.filter((p) => p.kind === 'socket').map((p) => p.id);
    expect(sockets).toEqual(expect.arrayContaining(['socket.server.response_required', 'socket.server.ping_pong', 'socket.client.response', 'socket.client.config']));
    const required = pages.find((p) => p.id === 'socket.server.response_required')!;
    expect(required.markdown).toContain('`interaction_type: response_required`');
    expect(required.markdown).toContain('`response_id`');
  });

  it("every page's TypeScript call type-checks against the SDK", () => {
    const checker = new TypeChecker(MCP_ROOT);
    const failures: string[] = [];
    for (const m of methods) {
      const diagnostics = checker.check(`async function run(client) {\n  ${m.examples.call.replace(/^const \w+ = /, 'return ')}\n}`);
      // Uploads need a File the sandbox cannot make; their examples use toFile from Node.
      if (diagnostics.length > 0 && !m.examples.call.includes('toFile')) failures.push(`${m.id}: ${diagnostics.map((d) => d.message).join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
