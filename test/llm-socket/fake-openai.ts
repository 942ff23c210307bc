/**
 * A loopback stand-in for an OpenAI-style chat completions endpoint: `POST /v1/chat/completions` with
 * `stream: true` answers Server-Sent Events, one `choices[0].delta.content` per word of an echo of the
 * last user message, then `data: [DONE]`. Servers in the style of Retell's demos stream from it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAi {
  readonly baseUrl: string;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startFakeOpenAi(wordDelayMs = 2): Promise<FakeOpenAi> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < 1_000_000) body += chunk;
    });
    req.on('end', () => {
      requests++;
      const parsed = JSON.parse(body || '{}') as { messages?: Array<{ role: string; content: string }> };
      const last = [...(parsed.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
      const words = `I heard: ${last}`.split(' ');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const next = (): void => {
        if (res.destroyed) return;
        if (i === words.length) {
          res.end('data: [DONE]\n\n');
          return;
        }
        res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: `${words[i++]} ` }, finish_reason: null }] })}\n\n`);
        setTimeout(next, wordDelayMs);
      };
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads the SSE stream of the fake (or any OpenAI-style endpoint) as text deltas. */
export async function* streamCompletion(baseUrl: string, messages: Array<{ role: string; content: string }>, signal?: AbortSignal): AsyncGenerator<string> {
  const res = await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'fake', stream: true, messages }), signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let at: number;
    while ((at = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, at).replace(/^data: /, '');
      buffered = buffered.slice(at + 2);
      if (event === '[DONE]') return;
      const delta = (JSON.parse(event) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content;
      if (delta) yield delta;
    }
  }
}
