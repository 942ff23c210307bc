/**
 * 200 simulated calls at once against one helper server: every call passes, and no answer, transcript
 * or call detail crosses into another call's session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, simulateCall } from '../../packages/llm-socket/src/index.js';
import { startHandler, words, type Started } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CALLS = 200;

describe('concurrent calls', () => {
  it(`${CALLS} calls on one server, no crossed sessions`, async () => {
    const mismatches: string[] = [];
    server = await startHandler({
      config: { auto_reconnect: true, call_details: true },
      onCallDetails: ({ call }, session) => {
        if (call.call_id !== session.callId) mismatches.push(`details ${call.call_id} on ${session.callId}`);
        session.data['token'] = (call.metadata as { token?: string } | undefined)?.token;
      },
      onResponseRequired: (request, { session, signal }) => {
        const said = request.transcript.filter((u) => u.role === 'user').map((u) => u.content);
        // Every user line of this call carries the call's own token; any other token is a crossed session.
        for (const line of said) if (!line.includes(String(session.data['token']))) mismatches.push(`${session.callId} saw "${line}"`);
        return words(`${session.callId} ${session.data['token']} heard ${said.length}`, 2, signal);
      },
    });
    const reports = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        simulateCall(server!.url, {
          call_id: `call_c${i}`,
          metadata: { token: `tok${i}` },
          turn_timeout_ms: 60_000,
          stale_grace_ms: 60_000,
          config_timeout_ms: 60_000,
          turns: [
            { user: `tok${i} first`, expect: { contains: `call_c${i} tok${i} heard 1` } },
            { user: `tok${i} second`, interrupt_after_chunks: 1 },
            { user: `tok${i} third`, expect: { contains: `call_c${i} tok${i} heard 3` } },
          ],
        }),
      ),
    );
    const failed = reports.filter((r) => !r.ok);
    expect(failed.map(formatReport).slice(0, 3)).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(new Set(reports.map((r) => r.callId)).size).toBe(CALLS);
    expect(server.errors).toEqual([]);
  }, 180_000);
});
