/**
 * `pnpm bench:python [calls] [rounds]`: the Python SDK's throughput against a plain httpx loop, sync and
 * async, in the same Python process against the same loopback server (a bare node:http server that answers
 * every request with one agent), rounds interleaved. Prints calls/s and the ratio to the peer.
 * `pnpm bench:python --generate [runs]`: what the Python emitter adds to generation instead: the emitter
 * (type tree included) against the whole in-memory generation of our spec, alternating, in one process.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { median } from './bench/stats.js';

if (process.argv[2] === '--generate') {
  const { generateFiles } = await import('../generator/src/pipeline.js');
  const { emitPython } = await import('../generator/src/emit/python/index.js');
  const spec = fileURLToPath(new URL('../spec/openapi.yaml', import.meta.url));
  const runs = Number(process.argv[3] ?? 5);
  const whole: number[] = [];
  const python: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let t = performance.now();
    const result = await generateFiles(spec, { threads: 'split' });
    const w = performance.now() - t;
    t = performance.now();
    emitPython(result.spec, result.model);
    const p = performance.now() - t;
    if (i > 0) (whole.push(w), python.push(p)); // the first run warms up module loading
  }
  const [w, p] = [median(whole), median(python)];
  console.log(`generation of our spec (in memory, all emitters incl. Python): median ${w.toFixed(0)} ms over ${runs} runs`);
  console.log(`Python emitter alone (type tree, types, resources, api.md): median ${p.toFixed(0)} ms = ${((100 * p) / w).toFixed(1)} % of it`);
  process.exit(0);
}

const body = JSON.stringify({
  agent_id: 'agent_bench',
  response_engine: { type: 'retell-llm', llm_id: 'llm_bench' },
  voice_id: '11labs-Adrian',
  agent_name: 'Bench',
  last_modification_timestamp: 1767225600000,
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const script = fileURLToPath(new URL('../packages/python/bench/throughput.py', import.meta.url));
const child = spawn('/usr/bin/python3', [script, url, ...process.argv.slice(2)], { stdio: 'inherit' });
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
server.close();
process.exit(code);
