/**
 * Interruptions as the helper sees them: a newer `response_required` aborts the signal handed to the
 * older turn (reason "superseded"), the older stream sends nothing more, and a writer for a stale id
 * sends nothing at all. Closing the socket aborts the live turn with "closed".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { formatReport, simulateCall } from '../../packages/llm-socket/src/index.js';
import { sleep, startHandler, words, type Started } from './helpers.js';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('interruption mid-stream', () => {
  it('aborts the superseded turn’s signal and drops its stream', async () => {
    const aborted: Array<[number, unknown, number]> = [];
    let iteratorClosed = 0;
    server = await startHandler({
      onResponseRequired: (request, { signal, stream }) => {
        signal.addEventListener('abort', () => aborted.push([request.response_id, signal.reason, stream.chunks]));
        // An LLM-like source that counts how often it was closed early (its finally block).
        return (async function* () {
          try {
            for (let i = 0; i < 50; i++) {
              await sleep(10);
              yield `t${request.response_id}.${i} `;
            }
          } finally {
            if (signal.aborted) iteratorClosed++;
          }
        })();
      },
    });
    const report = await simulateCall(server.url, {
      stale_grace_ms: 60_000, // a loaded machine may be slow to see the interruption; causality is still checked
      turns: [{ user: 'first', interrupt_after_chunks: 3 }, { user: 'second', interrupt_after_chunks: 2 }, { user: 'third' }],
    });
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.turns.map((t) => [t.responseId, t.interrupted])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(aborted.map(([id, reason]) => [id, reason])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
    ]);
    // Each dropped stream stopped reading its source (the generator's finally ran with the signal aborted).
    await expect.poll(() => iteratorClosed, { timeout: 5_000 }).toBe(2);
    // The third answer is whole and carries only its own id's tokens: nothing of 1 or 2 leaked into it.
    expect(report.turns[2]!.agent.trim().split(' ').every((w) => w.startsWith('t3.'))).toBe(true);
  });

  it('a writer for a stale id sends nothing; closing the socket aborts the live turn', async () => {
    const frames: Array<Record<string, unknown>> = [];
    let late: boolean | undefined;
    let closeReason: unknown;
    let firstTurn: { signal: AbortSignal } | undefined;
    server = await startHandler({
      config: { auto_reconnect: false },
      onResponseRequired: (request, turn) => {
        if (request.response_id === 1) {
          firstTurn = turn;
          return undefined; // answers later, by hand
        }
        late = turn.session.respond(1).write('too late'); // id 1 is stale now
        expect(turn.session.send({ response_type: 'response', response_id: 1, content: 'stale', content_complete: true })).toBe(false);
        turn.signal.addEventListener('abort', () => (closeReason = turn.signal.reason));
        return undefined; // never answers: the client hangs up
      },
    });
    const ws = new WebSocket(`${server.url}/call_stale`);
    ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Record<string, unknown>));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: 1, transcript: [{ role: 'user', content: 'a' }] }));
    await expect.poll(() => firstTurn !== undefined).toBe(true);
    ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: 2, transcript: [{ role: 'user', content: 'b' }] }));
    await expect.poll(() => late).toBe(false);
    expect(firstTurn!.signal.aborted).toBe(true);
    ws.close(1000);
    await expect.poll(() => closeReason).toBe('closed');
    expect(frames).toEqual([{ response_type: 'config', config: { auto_reconnect: false } }]);
    expect(server.errors).toEqual([]);
  });
});
