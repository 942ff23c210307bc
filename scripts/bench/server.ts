/**
 * The benchmark server, run in its own process so its CPU does not count as the client's: answers
 * `GET /get-agent/{id}` with a ~2 KB agent JSON, anything else with 404. Prints its port on stdout.
 */
import http from 'node:http';
import { agent } from './agent-fixture.js';

const body = Buffer.from(JSON.stringify(agent));
const notFound = Buffer.from(JSON.stringify({ message: 'Not found' }));

const server = http.createServer((req, res) => {
  req.resume();
  const ok = req.method === 'GET' && req.url?.startsWith('/get-agent/') && req.headers.authorization === 'Bearer bench_key';
  res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json', 'content-length': ok ? body.length : notFound.length });
  res.end(ok ? body : notFound);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
process.on('disconnect', () => server.close());
process.on('SIGTERM', () => process.exit(0));
