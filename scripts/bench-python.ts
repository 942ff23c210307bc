/**
 * `pnpm bench:python [calls] [rounds]`: the Python SDK's throughput against a plain httpx loop, sync and
 * async, in the same Python process against the same loopback server (a bare node:http server that answers
 * every request with one agent), rounds interleaved. Prints calls/s and the ratio to the peer.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

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
