/**
 * One benchmark client, in its own process so its CPU time and peak RSS are its own. Started by
 * `scripts/bench-runtime.ts` with the client kind and the server port (and `--conditions=source`, so our
 * packages import each other's sources, not a possibly stale `dist/`); warms up, then runs one round of
 * requests (`concurrency` at a time) each time the coordinator asks and reports wall time, CPU time and
 * RSS. With a profile path it records a CPU profile of the rounds only (warm-up and module loading left
 * out) through the inspector, and writes it in the `.cpuprofile` format `node --cpu-prof` writes.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { AGENT_ID } from './agent-fixture.js';

export type ClientKind = 'fetch' | 'fetch-timeout' | 'facade' | 'operation' | 'retell-sdk';
export type RoundRequest = { type: 'round'; count: number } | { type: 'finish' };
export type WorkerMessage =
  | { type: 'ready'; label: string; loadedRssKb: number }
  | { type: 'finished' }
  | { type: 'unavailable'; reason: string }
  | { type: 'round'; ms: number; cpuUs: number; maxRssKb: number }
  | { type: 'failed'; reason: string };

const API_KEY = 'bench_key';
const WARMUP = 300;

type Call = () => Promise<unknown>;

async function makeCall(kind: ClientKind, baseURL: string): Promise<{ call: Call; label: string } | string> {
  switch (kind) {
    case 'fetch': {
      const url = `${baseURL}/get-agent/${AGENT_ID}`;
      const headers = { Authorization: `Bearer ${API_KEY}` };
      return {
        label: 'plain fetch',
        call: async () => {
          const response = await fetch(url, { headers });
          if (!response.ok) throw new Error(`status ${response.status}`);
          return response.json();
        },
      };
    }
    case 'fetch-timeout': {
      // The floor for any client whose timeout aborts the request: plain fetch plus one AbortController
      // and one timer per call (undici's handling of a per-request signal is most of what it adds).
      const url = `${baseURL}/get-agent/${AGENT_ID}`;
      const headers = { Authorization: `Bearer ${API_KEY}` };
      const abort = (controller: AbortController): void => controller.abort();
      return {
        label: 'plain fetch + abortable timeout',
        call: async () => {
          const controller = new AbortController();
          const timer = setTimeout(abort, 60_000, controller);
          try {
            const response = await fetch(url, { headers, signal: controller.signal });
            if (!response.ok) throw new Error(`status ${response.status}`);
            return await response.json();
          } finally {
            clearTimeout(timer);
          }
        },
      };
    }
    case 'operation': {
      // The smallest setup the README documents: the lean core, no typed path client.
      const client: Record<string, unknown> = await import('../../packages/client/src/index.js');
      const options = { apiKey: API_KEY, baseURL, maxRetries: 0 };
      type Core = { request(op: unknown, input: unknown): Promise<unknown> };
      const RetellCore = client['RetellCore'] as new (o: typeof options) => Core;
      const getAgent = client['getAgent'] as ((c: Core, id: string) => Promise<unknown>) | undefined;
      if (typeof getAgent !== 'function') return '@retell-kit/client exports no getAgent (run pnpm generate)';
      const core = new RetellCore(options);
      return { label: 'our getAgent(new RetellCore())', call: () => getAgent(core, AGENT_ID) };
    }
    case 'facade': {
      let sdk: Record<string, unknown>;
      try {
        sdk = await import('../../packages/sdk/src/index.js');
      } catch (error) {
        return `@retell-kit/sdk has no entry yet (${(error as Error).message.split('\n')[0]})`;
      }
      type Facade = { agent: { retrieve(id: string): Promise<unknown> } };
      const Retell = (sdk['Retell'] ?? sdk['default']) as (new (o: object) => Facade) | undefined;
      if (typeof Retell !== 'function') return '@retell-kit/sdk does not export Retell yet';
      const client = new Retell({ apiKey: API_KEY, baseURL, maxRetries: 0 });
      return { label: 'our facade agent.retrieve()', call: () => client.agent.retrieve(AGENT_ID) };
    }
    case 'retell-sdk': {
      const require = createRequire(new URL('../../packages/client/package.json', import.meta.url));
      const { Retell } = require('retell-sdk') as { Retell: new (o: object) => { agent: { retrieve(id: string): Promise<unknown> } } };
      const client = new Retell({ apiKey: API_KEY, baseURL, maxRetries: 0 });
      return { label: 'retell-sdk@5.33.0 agent.retrieve()', call: () => client.agent.retrieve(AGENT_ID) };
    }
  }
}

/** `count` calls, `concurrency` in flight at a time (1: one after the other). */
async function run(call: Call, count: number, concurrency: number): Promise<void> {
  let left = count;
  const lane = async (): Promise<void> => {
    while (left > 0) {
      left--;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

async function main(): Promise<void> {
  const [kind, port, concurrencyArg, profilePath] = process.argv.slice(2) as [ClientKind, string, string, string | undefined];
  const concurrency = Number(concurrencyArg ?? 1);
  const send = (message: WorkerMessage): void => void process.send?.(message);
  const made = await makeCall(kind, `http://127.0.0.1:${port}`);
  if (typeof made === 'string') {
    send({ type: 'unavailable', reason: made });
    return;
  }
  // The high-water mark once the client's modules are loaded (compiled by tsx here), before any request.
  const loadedRssKb = process.resourceUsage().maxRSS;
  await run(made.call, WARMUP, concurrency);
  let session: Session | undefined;
  if (profilePath) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  process.on('message', async (message: RoundRequest) => {
    if (message.type === 'finish') {
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profilePath!, JSON.stringify(profile));
        session.disconnect();
      }
      send({ type: 'finished' });
      return;
    }
    try {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await run(made.call, message.count, concurrency);
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      send({ type: 'round', ms, cpuUs: used.user + used.system, maxRssKb: process.resourceUsage().maxRSS });
    } catch (error) {
      send({ type: 'failed', reason: String(error) });
    }
  });
  send({ type: 'ready', label: made.label, loadedRssKb });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', reason: String(error) } satisfies WorkerMessage);
  process.exitCode = 1;
});
