/**
 * `pnpm bench:llm-socket`: what the helper costs per turn. Two servers do the same work, each in its own
 * process on 127.0.0.1: `createLlmSocketHandler` (incoming messages validated against the spec; run in
 * production mode, and again in development mode where outgoing messages are validated too) and a bare
 * `ws` server (JSON.parse, a switch, JSON.stringify: no validation, no id tracking). Each answers a
 * `response_required` (a six-utterance transcript) with ten streamed chunks and `content_complete`; the
 * helper streams them from an async generator, so each chunk passes its backpressure check.
 *
 * - latency: one connection, sequential turns; time from sending the request to `content_complete`.
 *   Servers are measured in interleaved rounds; the added latency is helper p50 − bare p50.
 * - throughput: 20 connections × concurrent turns; server messages received per second.
 *
 *   pnpm bench:llm-socket [--turns 2000] [--rounds 3] [--clients 20]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { median } from './bench/stats.js';

const CHUNKS = 10;
const ANSWER = Array.from({ length: CHUNKS }, (_, i) => `word${i} `);
const TRANSCRIPT = [
  { role: 'agent', content: 'Hello, this is the bench line. How can I help?' },
  { role: 'user', content: 'I would like to know your opening hours.' },
  { role: 'agent', content: 'We are open from nine to five on weekdays.' },
  { role: 'user', content: 'And on weekends?' },
  { role: 'agent', content: 'Saturdays from ten to two; closed on Sundays.' },
  { role: 'user', content: 'Thanks. Can I book a table?' },
];

// ---- the servers (run as child processes: `--serve helper|bare`) ------------------------------------
async function serve(kind: string): Promise<void> {
  if (kind === 'bare') {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 1024 * 1024 });
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ response_type: 'config', config: { auto_reconnect: true, call_details: true } }));
      ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as { interaction_type: string; response_id: number; timestamp: number; transcript: Array<{ role: string; content: string }> };
        if (m.interaction_type === 'ping_pong') ws.send(JSON.stringify({ response_type: 'ping_pong', timestamp: m.timestamp }));
        else if (m.interaction_type === 'response_required') {
          void m.transcript.filter((u) => u.role === 'user').at(-1); // the same "LLM input" work as the helper's callback
          for (const content of ANSWER) ws.send(JSON.stringify({ response_type: 'response', response_id: m.response_id, content, content_complete: false }));
          ws.send(JSON.stringify({ response_type: 'response', response_id: m.response_id, content: '', content_complete: true }));
        }
      });
    });
    wss.on('listening', () => console.log(`listening ws://127.0.0.1:${(wss.address() as { port: number }).port}/llm-websocket`));
    return;
  }
  const { createLlmSocketHandler } = await import('../packages/llm-socket/src/index.js');
  const handler = createLlmSocketHandler({
    // Returned as a stream source, so every chunk goes through the backpressure check (the
    // send buffer's high-water mark) the way an LLM token stream does.
    onResponseRequired: (request) => {
      void request.transcript.filter((u) => u.role === 'user').at(-1);
      return (async function* () {
        yield* ANSWER;
      })();
    },
    onError: (error) => console.error(error.message),
  });
  const { url } = await handler.listen({ port: 0 });
  console.log(`listening ${url}`);
}

// ---- the driver ------------------------------------------------------------------------------------------
function start(kind: 'bare' | 'helper' | 'helper-dev'): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, NODE_ENV: kind === 'helper-dev' ? 'development' : 'production' };
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', self, '--serve', kind === 'bare' ? 'bare' : 'helper'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (ws:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}): ${out}`)));
  });
}

/** One call: connects, waits for config, then runs `turns` turns back to back; returns per-turn ms and messages received. */
async function call(url: string, callId: string, turns: number, latencies?: number[]): Promise<number> {
  const ws = new WebSocket(`${url}/${callId}`, { perMessageDeflate: false });
  let messages = 0;
  let onComplete: (() => void) | undefined;
  let configured: (() => void) | undefined;
  const configSeen = new Promise<void>((resolve) => (configured = resolve));
  ws.on('message', (data) => {
    messages++;
    const m = JSON.parse(String(data)) as { response_type: string; content_complete?: boolean };
    if (m.response_type === 'config') configured!();
    else if (m.response_type === 'response' && m.content_complete) onComplete?.();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  await configSeen;
  for (let id = 1; id <= turns; id++) {
    const done = new Promise<void>((resolve) => (onComplete = resolve));
    const t0 = performance.now();
    ws.send(JSON.stringify({ interaction_type: 'response_required', response_id: id, transcript: TRANSCRIPT }));
    await done;
    latencies?.push(performance.now() - t0);
  }
  ws.close();
  return messages;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => {
    const i = args.indexOf(`--${name}`);
    const v = i >= 0 ? Number(args[i + 1]) : dflt;
    if (!Number.isInteger(v) || v <= 0) {
      console.error(`--${name} must be a positive integer`);
      process.exit(2);
    }
    return v;
  };
  const turns = opt('turns', 2000);
  const rounds = opt('rounds', 3);
  const clients = opt('clients', 20);
  const kinds = ['bare', 'helper', 'helper-dev'] as const;
  const servers = Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await start(k)] as const))) as Record<(typeof kinds)[number], { child: ChildProcess; url: string }>;
  try {
    // Warm-up: JIT, and the helper compiles its schemas at start.
    for (const k of kinds) await call(servers[k].url, `call_warm_${k}`, 200);
    const lat: Record<string, { p50: number[]; p99: number[] }> = {};
    const thr: Record<string, number[]> = {};
    for (let r = 0; r < rounds; r++) {
      for (const k of kinds) {
        const l: number[] = [];
        await call(servers[k].url, `call_lat_${k}_${r}`, turns, l);
        l.sort((a, b) => a - b);
        (lat[k] ??= { p50: [], p99: [] }).p50.push(pct(l, 50));
        lat[k].p99.push(pct(l, 99));
        const t0 = performance.now();
        const per = Math.max(1, Math.floor(turns / 4));
        const counts = await Promise.all(Array.from({ length: clients }, (_, c) => call(servers[k].url, `call_thr_${k}_${r}_${c}`, per)));
        (thr[k] ??= []).push(counts.reduce((a, b) => a + b, 0) / ((performance.now() - t0) / 1000));
      }
    }
    console.log(`llm-socket bench: ${turns} sequential turns per round (latency), ${clients} connections × ${Math.floor(turns / 4)} turns (throughput), ${rounds} interleaved rounds, ${CHUNKS} chunks + content_complete per turn`);
    console.log('server                         p50 turn     p99 turn    added p50   messages/s   ratio');
    const base = median(lat['bare']!.p50);
    const baseThr = median(thr['bare']!);
    for (const k of kinds) {
      const label = k === 'bare' ? 'bare ws (peer)' : k === 'helper' ? 'helper (production)' : 'helper (development)';
      const p50 = median(lat[k]!.p50);
      const p99 = median(lat[k]!.p99);
      const mps = median(thr[k]!);
      console.log(
        `${label.padEnd(28)} ${p50.toFixed(3).padStart(8)} ms  ${p99.toFixed(3).padStart(8)} ms  ${(k === 'bare' ? '-' : `${(p50 - base >= 0 ? '+' : '')}${(p50 - base).toFixed(3)} ms`).padStart(11)}  ${mps.toFixed(0).padStart(10)}  ${(mps / baseThr).toFixed(2)}×`,
      );
    }
    const added = median(lat['helper']!.p50) - base;
    console.log(`added latency per turn (production): ${added.toFixed(3)} ms (target ≤ 1 ms): ${added <= 1 ? 'met' : 'NOT met'}`);
  } finally {
    for (const s of Object.values(servers)) s.child.kill();
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) await serve(process.argv[serveIndex + 1] ?? 'helper');
else await main();
