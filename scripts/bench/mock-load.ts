/**
 * The client side of `pnpm bench:mock`: N concurrent clients over keep-alive node:http, each running a
 * seeded mix of CRUD requests against its own agents and LLMs, checking every answer against the state
 * it expects (names, versions, 404 after delete). Separate from the script so the logic reads on its own.
 */
import { Agent, request } from 'node:http';

export interface LoadResult {
  readonly requests: number;
  readonly ms: number;
  readonly latenciesMs: Float64Array;
  readonly unexpectedStatuses: number;
  readonly stateMismatches: number;
  readonly byKind: Record<string, number>;
  readonly samples: string[];
}

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/** mulberry32: a small seeded PRNG, so every run issues the same mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runLoad(baseURL: string, clients: number, total: number, mode: 'crud' | 'peer'): Promise<LoadResult> {
  const url = new URL(baseURL);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies = new Float64Array(total);
  let issued = 0;
  let unexpectedStatuses = 0;
  let stateMismatches = 0;
  const byKind: Record<string, number> = {};
  const samples: string[] = [];
  const note = (kind: 'status' | 'state', what: string): void => {
    if (kind === 'status') unexpectedStatuses++;
    else stateMismatches++;
    if (samples.length < 10) samples.push(`${kind}: ${what}`);
  };

  function call(kind: string, method: string, path: string, body?: unknown): Promise<Answer> {
    const slot = issued++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            authorization: 'Bearer bench-key',
            ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies[slot] = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function peerClient(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const a = await call('get', 'GET', '/get-agent/agent_peer');
      if (a.status !== 200) note('status', `peer ${a.status}`);
    }
  }

  async function crudClient(index: number, count: number): Promise<void> {
    const random = prng(index + 1);
    const llms: string[] = [];
    const agents = new Map<string, { name: string; version: number }>();
    let n = 0;
    const expect = (a: Answer, status: number, what: string): boolean => {
      if (a.status === status) return true;
      note('status', `${what}: ${a.status} instead of ${status} ${JSON.stringify(a.body)}`);
      return false;
    };
    while (n < count) {
      const roll = random();
      const ids = [...agents.keys()];
      const pick = ids[Math.floor(random() * ids.length)];
      if (llms.length === 0 || roll < 0.08) {
        const a = await call('create llm', 'POST', '/create-retell-llm', { general_prompt: `client ${index}`, model: 'gpt-4.1' });
        n++;
        if (expect(a, 201, 'create llm')) llms.push(String(a.body?.['llm_id']));
      } else if (!pick || roll < 0.2) {
        const name = `agent ${index}.${n}`;
        const llm = llms[Math.floor(random() * llms.length)]!;
        const a = await call('create agent', 'POST', '/create-agent', { agent_name: name, voice_id: '11labs-Adrian', response_engine: { type: 'retell-llm', llm_id: llm } });
        n++;
        if (expect(a, 201, 'create agent')) {
          if (a.body?.['agent_name'] !== name || a.body?.['version'] !== 0) note('state', `create agent returned ${JSON.stringify(a.body).slice(0, 120)}`);
          agents.set(String(a.body?.['agent_id']), { name, version: 0 });
        }
      } else if (roll < 0.5) {
        const a = await call('retrieve agent', 'GET', `/get-agent/${encodeURIComponent(pick)}`);
        n++;
        const want = agents.get(pick)!;
        if (expect(a, 200, 'retrieve agent') && (a.body?.['agent_name'] !== want.name || a.body?.['version'] !== want.version)) {
          note('state', `agent ${pick}: has ${String(a.body?.['agent_name'])} v${String(a.body?.['version'])}, expected ${want.name} v${want.version}`);
        }
      } else if (roll < 0.72) {
        const want = agents.get(pick)!;
        const name = `${want.name}+`;
        const a = await call('update agent', 'PATCH', `/update-agent/${encodeURIComponent(pick)}`, { agent_name: name });
        n++;
        if (expect(a, 200, 'update agent')) {
          if (a.body?.['version'] !== want.version + 1 || a.body?.['agent_name'] !== name) note('state', `update of ${pick} returned v${String(a.body?.['version'])}`);
          agents.set(pick, { name, version: want.version + 1 });
        }
      } else if (roll < 0.84) {
        const a = await call('list llms', 'GET', '/v2/list-retell-llms?limit=10');
        n++;
        if (expect(a, 200, 'list llms') && !Array.isArray(a.body?.['items'])) note('state', 'list without items');
      } else if (roll < 0.92) {
        const a = await call('delete agent', 'DELETE', `/delete-agent/${encodeURIComponent(pick)}`);
        n++;
        if (expect(a, 204, 'delete agent')) agents.delete(pick);
        if (n < count) {
          const gone = await call('retrieve deleted', 'GET', `/get-agent/${encodeURIComponent(pick)}`);
          n++;
          if (gone.status !== 404) note('state', `agent ${pick} still answers ${gone.status} after delete`);
        }
      } else {
        const llm = llms[Math.floor(random() * llms.length)]!;
        const a = await call('retrieve llm', 'GET', `/get-retell-llm/${encodeURIComponent(llm)}`);
        n++;
        if (expect(a, 200, 'retrieve llm') && a.body?.['llm_id'] !== llm) note('state', `llm ${llm} answered as ${String(a.body?.['llm_id'])}`);
      }
    }
  }

  const perClient = Math.floor(total / clients);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, (_, i) => {
      const count = perClient + (i < total - perClient * clients ? 1 : 0);
      return mode === 'crud' ? crudClient(i, count) : peerClient(count);
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  return { requests: issued, ms, latenciesMs: latencies.subarray(0, issued), unexpectedStatuses, stateMismatches, byKind, samples };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
