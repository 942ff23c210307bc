/**
 * Companion of `pnpm bench:runtime` for shared, noisy machines: every client in ONE process, calls
 * interleaved one by one (the order rotating), against the same 127.0.0.1 server process, so a burst of
 * outside load hits every client alike. Reports wall time and CPU time per call and their ratios to plain
 * fetch. It also runs plain fetch with an AbortController and timer, the floor for any client whose
 * timeout aborts the request (undici's per-request signal handling is most of our remaining cost).
 * Caveat: the clients share one heap, so a garbage collection caused by one client's allocations can land
 * in another's call (an allocation-heavy peer absorbs some of everyone's GC); it complements the
 * process-per-client `pnpm bench:runtime`, it does not replace it.
 *
 *   pnpm tsx --conditions=source scripts/bench/interleaved.ts [--calls 5000]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AGENT_ID } from './agent-fixture.js';

type Call = () => Promise<unknown>;

function parseArgs(argv: string[]): { calls: number } {
  const out = { calls: 5000 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] !== '--calls' || !Number.isInteger(value) || value <= 0) {
      throw new Error(`Usage: interleaved [--calls N] (a positive integer); got ${argv.slice(i, i + 2).join(' ')}`);
    }
    out.calls = value;
  }
  return out;
}

async function clients(baseURL: string): Promise<[string, Call][]> {
  const options = { apiKey: 'bench_key', baseURL, maxRetries: 0 };
  const url = `${baseURL}/get-agent/${AGENT_ID}`;
  const headers = { authorization: 'Bearer bench_key' };
  const client = await import('../../packages/client/src/index.js');
  const { Retell } = await import('../../packages/sdk/src/index.js');
  const require = createRequire(new URL('../../packages/client/package.json', import.meta.url));
  const Peer = (require('retell-sdk') as { Retell: new (o: object) => { agent: { retrieve(id: string): Promise<unknown> } } }).Retell;
  const core = new client.RetellCore(options);
  const facade = new Retell(options);
  const peer = new Peer(options);
  const json = async (response: Response): Promise<unknown> => {
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  };
  return [
    ['plain fetch', async () => json(await fetch(url, { headers }))],
    ['plain fetch + AbortController, timer', async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        return await json(await fetch(url, { headers, signal: controller.signal }));
      } finally {
        clearTimeout(timer);
      }
    }],
    ['our getAgent(new RetellCore())', () => client.getAgent(core, AGENT_ID)],
    ['our facade agent.retrieve()', () => facade.agent.retrieve(AGENT_ID)],
    ['retell-sdk@5.33.0 agent.retrieve()', () => peer.agent.retrieve(AGENT_ID)],
  ];
}

async function main(): Promise<void> {
  const { calls } = parseArgs(process.argv.slice(2));
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
    const list = await clients(`http://127.0.0.1:${chunk.toString().trim()}`);
    for (const [, call] of list) for (let i = 0; i < 300; i++) await call();
    const wallMs = list.map(() => 0);
    const cpuUs = list.map(() => 0);
    for (let i = 0; i < calls; i++) {
      for (let j = 0; j < list.length; j++) {
        const k = (i + j) % list.length;
        const cpu = process.cpuUsage();
        const start = performance.now();
        await list[k]![1]();
        wallMs[k]! += performance.now() - start;
        const used = process.cpuUsage(cpu);
        cpuUs[k]! += used.user + used.system;
      }
    }
    console.log(`bench:interleaved  ${calls} GET /get-agent/{id} per client, one process, calls interleaved one by one, node ${process.version}`);
    const rows = list.map(([label], k) => [
      label,
      `${((wallMs[k]! * 1000) / calls).toFixed(1)}`,
      `${(wallMs[0]! / wallMs[k]!).toFixed(2)}x`,
      `${(cpuUs[k]! / calls).toFixed(1)}`,
      `${(cpuUs[k]! / cpuUs[0]!).toFixed(2)}x`,
    ]);
    const head = ['client', 'wall us/call', 'throughput vs fetch', 'CPU us/call', 'CPU vs fetch'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(head));
    for (const row of rows) console.log(line(row));
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:interleaved failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
