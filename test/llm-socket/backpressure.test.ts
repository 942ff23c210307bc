/**
 * Backpressure: a client that stops reading while the server streams 100,000 × 1 KiB. Generation pauses
 * while the socket's send buffer is over the high-water mark (the source is not pulled), so memory stays
 * bounded; once the client reads again the whole answer arrives. A peer that never reads again, or a
 * writer that ignores `ready()`, gets the socket closed with 4008.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLOSE_BACKPRESSURE } from '../../packages/llm-socket/src/index.js';
import { sleep, startHandler } from './helpers.js';

let server: Awaited<ReturnType<typeof startHandler>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KIB = 'x'.repeat(1024);
const CHUNKS = 100_000;

const ask = (ws: WebSocket): void => ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: 1, transcript: [{ role: 'user', content: 'everything' }] }));

describe('backpressure', () => {
  it('a client that stops reading pauses generation; RSS stays bounded; the answer completes once it reads', async () => {
    let pulled = 0;
    server = await startHandler({
      onResponseRequired: () =>
        (function* () {
          for (let i = 0; i < CHUNKS; i++) {
            pulled++;
            yield KIB;
          }
        })(),
    });
    const ws = new WebSocket(`${server.url}/call_slow`);
    let received = 0;
    let complete = false;
    ws.on('message', (data) => {
      received++;
      if (String(data).includes('"content_complete":true')) complete = true;
    });
    await new Promise((r) => ws.once('open', r));
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    ws.pause(); // stop reading: the kernel buffers fill, then the server's send buffer
    ask(ws);
    // Wait until generation has stopped advancing.
    let last = -1;
    while (pulled !== last) {
      last = pulled;
      await sleep(400);
    }
    const rssPaused = process.memoryUsage().rss;
    expect(pulled).toBeLessThan(CHUNKS / 4);
    // Unbounded, 100,000 queued 1 KiB messages cost well over 200 MB; paused, the buffer is ~256 KiB
    // plus what the kernel holds.
    expect(rssPaused - rssBefore).toBeLessThan(80 * 1024 * 1024);
    ws.resume();
    await expect.poll(() => complete, { timeout: 120_000, interval: 200 }).toBe(true);
    expect(pulled).toBe(CHUNKS);
    expect(received).toBe(1 + CHUNKS + 1); // config, every chunk, the final content_complete
    ws.close(1000);
  }, 180_000);

  it('a peer that never reads again is cut off with 4008 after the stall timeout', async () => {
    server = await startHandler({
      backpressure: { stallTimeoutMs: 300 },
      onResponseRequired: () =>
        (function* () {
          for (let i = 0; i < CHUNKS; i++) yield KIB;
        })(),
    });
    const ws = new WebSocket(`${server.url}/call_gone`);
    await new Promise((r) => ws.once('open', r));
    ws.pause();
    ask(ws);
    await expect.poll(() => server!.errors.map((e) => e.error.code), { timeout: 30_000 }).toContain('backpressure');
    ws.resume();
    const code = await new Promise<number>((resolve) => (ws.readyState === ws.CLOSED ? resolve(-1) : ws.once('close', (c) => resolve(c))));
    expect([CLOSE_BACKPRESSURE, 1006]).toContain(code);
    expect(server.errors.find((e) => e.error.code === 'backpressure')!.error.message).toMatch(/read nothing for 300 ms/);
  }, 60_000);

  it('a writer that ignores ready() hits the hard limit: the socket closes with 4008', async () => {
    server = await startHandler({
      backpressure: { maxBufferedBytes: 2 * 1024 * 1024 },
      onResponseRequired: (_r, { stream }) => {
        let sent = 0;
        while (stream.write(KIB)) sent++;
        stream.end(`${sent}`);
      },
    });
    const ws = new WebSocket(`${server.url}/call_flood`);
    await new Promise((r) => ws.once('open', r));
    ws.pause();
    ask(ws);
    await expect.poll(() => server!.errors.map((e) => e.error.code), { timeout: 30_000 }).toContain('backpressure');
    expect(server.errors.find((e) => e.error.code === 'backpressure')!.error.message).toMatch(/limit 2097152/);
    ws.resume();
    const code = await new Promise<number>((resolve) => (ws.readyState === ws.CLOSED ? resolve(-1) : ws.once('close', (c) => resolve(c))));
    expect([CLOSE_BACKPRESSURE, 1006]).toContain(code);
  }, 60_000);
});
