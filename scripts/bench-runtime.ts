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
 *
 * `--concurrency N` keeps N requests in flight per client (the default, 1, sends them one after the other).
 * `--profile` records a CPU profile of each client's rounds (warm-up excluded; `.cpuprofile`, the format
 * `node --cpu-prof` writes, openable in Chrome DevTools or speedscope) and prints the top frames by self
 * time for ours and for plain fetch, with the busy time per request split by part (our runtime, undici,
 * node, GC), so the difference between the two can be read. Profiling slows every client alike; read
 * the ratios of a run without it.
 *
 * Peers: plain fetch (the target's baseline), plain fetch with an abortable timeout (one AbortController
 * and one timer per call: the floor of any client that can abort a request on a timeout, shown so that
 * our own cost can be told from undici's cost of a per-request signal), and retell-sdk@5.33.0.
 * One coordinating process interleaves the rounds; each client runs in its own worker process so that
 * its CPU time, peak RSS and profile are its own. CPU is also compared round by round (median of
 * per-round ratios), which outside load moves less than wall time.
 *
 *   pnpm bench:runtime [--requests 5000] [--rounds 50] [--concurrency 1] [--profile]
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, summarize } from './bench/profile-summary.js';
import type { ClientKind, WorkerMessage } from './bench/runtime-worker.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const KINDS: ClientKind[] = ['fetch', 'fetch-timeout', 'operation', 'facade', 'retell-sdk'];

/** Targets of issue 25, against plain fetch in the same run. */
const TARGET = { throughput: 0.95, cpu: 1.1, rss: 1.05 };

interface Args { requests: number; rounds: number; concurrency: number; profile: boolean }

function parseArgs(argv: string[]): Args {
  const out: Args = { requests: 5000, rounds: 50, concurrency: 1, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--profile') {
      out.profile = true;
      continue;
    }
    const key = flag === '--requests' ? 'requests' : flag === '--rounds' ? 'rounds' : flag === '--concurrency' ? 'concurrency' : undefined;
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value <= 0) {
      console.error(`Usage: bench-runtime [--requests N] [--rounds N] [--concurrency N] [--profile] (positive integers); got ${argv.slice(i, i + 2).join(' ')}`);
      process.exit(2);
    }
    out[key] = value;
    i++;
  }
  if (out.requests % out.rounds !== 0) {
    console.error(`--requests (${out.requests}) must be a multiple of --rounds (${out.rounds}).`);
    process.exit(2);
  }
  return out;
}

interface Worker { kind: ClientKind; label: string; child: ChildProcess; ms: number; cpuUs: number; loadedRssKb: number; maxRssKb: number; perRound: number[]; cpuPerRound: number[] }

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
  const { requests, rounds, concurrency, profile } = parseArgs(process.argv.slice(2));
  const perRound = requests / rounds;
  const profileDir = join(tmpdir(), 'retell-kit-bench-runtime');
  if (profile) mkdirSync(profileDir, { recursive: true });
  const profilePath = (kind: ClientKind): string => join(profileDir, `${kind}-c${concurrency}.cpuprofile`);
  const { server, port } = await startServer();
  const workers: Worker[] = [];
  const skipped: string[] = [];
  const loadBefore = loadavg();
  try {
    for (const kind of KINDS) {
      // `source`: our packages resolve each other to their sources (as vitest and bench:size do), not to dist/.
      const args = [kind, String(port), String(concurrency), ...(profile ? [profilePath(kind)] : [])];
      const child = fork(here('./bench/runtime-worker.ts'), args, { execArgv: ['--conditions=source', '--import', 'tsx'] });
      const message = await nextMessage(child);
      if (message.type === 'ready') workers.push({ kind, label: message.label, child, ms: 0, cpuUs: 0, loadedRssKb: message.loadedRssKb, maxRssKb: 0, perRound: [], cpuPerRound: [] });
      else {
        skipped.push(`${kind}: ${message.type === 'unavailable' ? message.reason : `failed: ${message.type === 'failed' ? message.reason : ''}`}`);
        child.kill();
      }
    }
    const how = concurrency === 1 ? 'sequential' : `${concurrency}-concurrent`;
    console.log(`bench:runtime  ${requests} ${how} GET /get-agent/{id} per client, ${rounds} interleaved rounds, node ${process.version}${profile ? ', profiling' : ''}`);
    for (let round = 0; round < rounds; round++) {
      // Rotate the order so no client always runs first (cold caches) or last.
      const order = workers.map((_, i) => workers[(i + round) % workers.length]!);
      for (const worker of order) {
        worker.child.send({ type: 'round', count: perRound });
        const message = await nextMessage(worker.child);
        if (message.type !== 'round') throw new Error(`${worker.label}: ${message.type === 'failed' ? message.reason : message.type}`);
        worker.ms += message.ms;
        worker.cpuUs += message.cpuUs;
        worker.maxRssKb = Math.max(worker.maxRssKb, message.maxRssKb);
        worker.perRound.push((perRound / message.ms) * 1000);
        worker.cpuPerRound.push(message.cpuUs / perRound);
      }
    }
    report(workers, requests);
    for (const line of skipped) console.log(`skipped  ${line}`);
    console.log(`load average (1 min) ${loadBefore[0]!.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    if (profile) {
      for (const worker of workers) {
        worker.child.send({ type: 'finish' });
        await nextMessage(worker.child);
      }
      for (const worker of workers.filter((w) => w.kind !== 'retell-sdk' && w.kind !== 'fetch-timeout')) {
        console.log(`\n${formatSummary(worker.label, summarize(profilePath(worker.kind)), requests)}`);
      }
      console.log(`\nprofiles: ${profileDir}/*-c${concurrency}.cpuprofile`);
    }
  } finally {
    for (const worker of workers) worker.child.kill();
    server.kill();
  }
}

/** Median over rounds of the client's CPU per request against plain fetch's in the same round. */
function cpuMedian(w: Worker, base: Worker): number {
  return quantile(w.cpuPerRound.map((c, i) => c / base.cpuPerRound[i]!), 0.5);
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
    `${(w.loadedRssKb / 1024).toFixed(1)}`,
    `${(rate(w) / rate(base)).toFixed(2)}x`,
    `${quantile(w.perRound.map((r, i) => r / base.perRound[i]!), 0.5).toFixed(2)}x`,
    `${(quantile(w.perRound, 0.75) / quantile(base.perRound, 0.75)).toFixed(2)}x`,
    `${(cpu(w) / cpu(base)).toFixed(2)}x`,
    `${cpuMedian(w, base).toFixed(2)}x`,
    `${(w.maxRssKb / base.maxRssKb).toFixed(2)}x`,
  ]);
  const head = ['client', 'req/s', 'req/s by round', 'CPU us/req', 'peak RSS MB', 'RSS after load MB', 'throughput vs fetch', 'median round ratio', 'p75 round vs fetch', 'CPU vs fetch', 'median round CPU ratio', 'RSS vs fetch'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  console.log('(RSS after load: the high-water mark once the client\'s modules are loaded, before its first request)');
  console.log(`target  ours: throughput >= ${TARGET.throughput}x, CPU <= ${TARGET.cpu}x, peak RSS <= ${TARGET.rss}x plain fetch`);
  for (const w of workers.filter((w) => w.kind === 'operation' || w.kind === 'facade')) {
    const median = quantile(w.perRound.map((r, i) => r / base.perRound[i]!), 0.5);
    const checks = [
      `throughput (median round) ${median.toFixed(2)}x ${median >= TARGET.throughput ? 'met' : 'MISSED'}`,
      `CPU (median round) ${cpuMedian(w, base).toFixed(2)}x ${cpuMedian(w, base) <= TARGET.cpu ? 'met' : 'MISSED'}`,
      `RSS ${(w.maxRssKb / base.maxRssKb).toFixed(2)}x ${w.maxRssKb / base.maxRssKb <= TARGET.rss ? 'met' : 'MISSED'}`,
    ];
    console.log(`  ${w.label}: ${checks.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:runtime failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
