/**
 * `pnpm bench:mock`: bounded load on the mock server. The server runs in its own process (as `pnpm mock`
 * does), 20 concurrent keep-alive clients send 20,000 mixed CRUD requests on 127.0.0.1 and check every
 * answer against the state they expect. The peer, measured in the same run with the same clients, is a
 * bare node:http server answering one fixed JSON body: the floor set by HTTP itself, so the ratio is what
 * routing, validation and state cost.
 *
 *   pnpm bench:mock [--clients 20] [--requests 20000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, runLoad, type LoadResult } from './bench/mock-load.js';

const CLI = fileURLToPath(new URL('../packages/mock/src/cli.ts', import.meta.url));

function parseArgs(argv: string[]): { clients: number; requests: number } {
  const out = { clients: 20, requests: 20_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i] === '--clients' ? 'clients' : argv[i] === '--requests' ? 'requests' : undefined;
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value <= 0) {
      console.error(`Usage: bench-mock [--clients N] [--requests N] (positive integers); got "${argv.slice(i, i + 2).join(' ')}"`);
      process.exit(2);
    }
    out[key] = value;
  }
  return out;
}

const PEER_SOURCE = `
const body = JSON.stringify({ agent_id: 'agent_peer', version: 0, agent_name: 'peer' });
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** Starts a server process and resolves with the URL it prints. */
function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with code ${code} before listening: ${out}`)));
  });
}

function report(label: string, r: LoadResult): { rps: number; p50: number; p99: number } {
  const sorted = Float64Array.from(r.latenciesMs).sort();
  const rps = r.requests / (r.ms / 1000);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(
    `${label.padEnd(34)} ${String(r.requests).padStart(6)} req  ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${rps.toFixed(0).padStart(7)} req/s  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms`,
  );
  return { rps, p50, p99 };
}

const { clients, requests } = parseArgs(process.argv.slice(2));
console.log(`bench:mock: ${clients} concurrent keep-alive clients, ${requests} requests each run, 127.0.0.1, Node ${process.version}\n`);

const peer = await startProcess(['-e', PEER_SOURCE]);
const mock = await startProcess(['--import', 'tsx', CLI, '--port', '0', '--quiet']);
try {
  // Warm-up: JIT and the validators the mix uses are compiled before the timed run.
  await runLoad(mock.url, clients, 1_000, 'crud');
  await runLoad(peer.url, clients, 1_000, 'peer');

  const bare = report('peer: bare node:http, fixed JSON', await runLoad(peer.url, clients, requests, 'peer'));
  const result = await runLoad(mock.url, clients, requests, 'crud');
  const ours = report('mock server: mixed CRUD', result);

  console.log(`\nmix: ${Object.entries(result.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`throughput vs peer: ${(ours.rps / bare.rps).toFixed(2)}x  (p50 ${(ours.p50 / bare.p50).toFixed(2)}x, p99 ${(ours.p99 / bare.p99).toFixed(2)}x the peer's latency)`);
  console.log(`unexpected statuses: ${result.unexpectedStatuses}`);
  console.log(`state mismatches: ${result.stateMismatches}`);
  for (const s of result.samples) console.log(`  ${s}`);
  process.exitCode = result.unexpectedStatuses === 0 && result.stateMismatches === 0 ? 0 : 1;
} finally {
  peer.child.kill();
  mock.child.kill();
}
