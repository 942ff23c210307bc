/**
 * `pnpm bench:runtime`: throughput and cost of one `GET /get-agent/{id}` through plain fetch, our
 * per-operation function, our facade and retell-sdk@5.33.0, against a 127.0.0.1 server in its own process.
 * Every client lives in its own process (own CPU and RSS figures); rounds are interleaved, with the order
 * rotated each round, so drift in the machine's speed hits every client alike. On a shared machine the
 * ratio of totals mostly says whose rounds met a burst of load from another process, so the report adds
 * two statistics that such bursts move much less: the median of per-round ratios (each client against the
 * fetch round of the same round), and the ratio of the rounds' upper quartiles (outside load only ever
 * slows a round down, so each client's fast rounds are the ones that show its own cost).
 *
 *   pnpm bench:runtime [--requests 5000] [--rounds 50]
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ClientKind, WorkerMessage } from './bench/runtime-worker.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const KINDS: ClientKind[] = ['fetch', 'operation', 'facade', 'retell-sdk'];

function parseArgs(argv: string[]): { requests: number; rounds: number } {
  const out = { requests: 5000, rounds: 50 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const key = flag === '--requests' ? 'requests' : flag === '--rounds' ? 'rounds' : undefined;
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value <= 0) {
      throw new Error(`Usage: bench-runtime [--requests N] [--rounds N] (positive integers); got ${argv.slice(i, i + 2).join(' ')}`);
    }
    out[key] = value;
    i++;
  }
  if (out.requests % out.rounds !== 0) throw new Error(`--requests (${out.requests}) must be a multiple of --rounds (${out.rounds}).`);
  return out;
}

interface Worker { kind: ClientKind; label: string; child: ChildProcess; ms: number; cpuUs: number; maxRssKb: number; perRound: number[] }

function nextMessage(child: ChildProcess): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`worker exited with code ${code}`));
    child.once('exit', onExit);
    child.once('message', (message: WorkerMessage) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

async function startServer(): Promise<{ server: ChildProcess; port: number }> {
  const server = spawn(process.execPath, ['--import', 'tsx', here('./bench/server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(server.stdout!, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  if (!Number.isInteger(port)) throw new Error(`benchmark server did not report a port: ${chunk.toString()}`);
  return { server, port };
}

async function main(): Promise<void> {
  const { requests, rounds } = parseArgs(process.argv.slice(2));
  const perRound = requests / rounds;
  const { server, port } = await startServer();
  const workers: Worker[] = [];
  const skipped: string[] = [];
  try {
    for (const kind of KINDS) {
      // `source`: our packages resolve each other to their sources (as vitest and bench:size do), not to dist/.
      const child = fork(here('./bench/runtime-worker.ts'), [kind, String(port)], { execArgv: ['--conditions=source', '--import', 'tsx'] });
      const message = await nextMessage(child);
      if (message.type === 'ready') workers.push({ kind, label: message.label, child, ms: 0, cpuUs: 0, maxRssKb: 0, perRound: [] });
      else {
        skipped.push(`${kind}: ${message.type === 'unavailable' ? message.reason : `failed: ${message.type === 'failed' ? message.reason : ''}`}`);
        child.kill();
      }
    }
    console.log(`bench:runtime  ${requests} sequential GET /get-agent/{id} per client, ${rounds} interleaved rounds, node ${process.version}`);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order so no client always runs first (cold caches) or last.
      const order = workers.map((_, i) => workers[(i + round) % workers.length]!);
      for (const worker of order) {
        worker.child.send({ count: perRound });
        const message = await nextMessage(worker.child);
        if (message.type !== 'round') throw new Error(`${worker.label}: ${message.type === 'failed' ? message.reason : message.type}`);
        worker.ms += message.ms;
        worker.cpuUs += message.cpuUs;
        worker.maxRssKb = Math.max(worker.maxRssKb, message.maxRssKb);
        worker.perRound.push((perRound / message.ms) * 1000);
      }
    }
    report(workers, requests);
    for (const line of skipped) console.log(`skipped  ${line}`);
  } finally {
    for (const worker of workers) worker.child.kill();
    server.kill();
  }
}

/** The `q` quantile (0..1) of `values`, linearly interpolated. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

function report(workers: Worker[], requests: number): void {
  const base = workers.find((w) => w.kind === 'fetch');
  if (!base) throw new Error('plain fetch baseline did not run');
  const rate = (w: Worker): number => (requests / w.ms) * 1000;
  const cpu = (w: Worker): number => w.cpuUs / requests;
  const rows = workers.map((w) => [
    w.label,
    rate(w).toFixed(0),
    `${Math.min(...w.perRound).toFixed(0)}-${Math.max(...w.perRound).toFixed(0)}`,
    `${cpu(w).toFixed(1)}`,
    `${(w.maxRssKb / 1024).toFixed(1)}`,
    `${(rate(w) / rate(base)).toFixed(2)}x`,
    `${quantile(w.perRound.map((r, i) => r / base.perRound[i]!), 0.5).toFixed(2)}x`,
    `${(quantile(w.perRound, 0.75) / quantile(base.perRound, 0.75)).toFixed(2)}x`,
    `${(cpu(w) / cpu(base)).toFixed(2)}x`,
  ]);
  const head = ['client', 'req/s', 'req/s by round', 'CPU us/req', 'peak RSS MB', 'throughput vs fetch', 'median round ratio', 'p75 round vs fetch', 'CPU vs fetch'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  console.log('target  ours >= 0.90x plain fetch throughput');
}

main().catch((error: unknown) => {
  console.error(`bench:runtime failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
