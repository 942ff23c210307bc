/**
 * The hot path pays only for what it uses, checked by counting, never by timing: a plain GET with no
 * per-call options, no retry and a JSON body must make no `Headers` and no `Response` of its own, skip
 * the override merging of `_buildRequest`, build no error, read the body once (as bytes, no stream made
 * to read it again), and arm its timeout with one AbortController and one timer whose callback is the
 * same function for every call (no per-attempt closure). Features cost only when present: options go
 * through `_buildRequest`, `asResponse()` builds the one `Response` it hands over, an error status builds
 * one error. `pnpm bench:runtime` keeps the figures; these counts catch the regression that slows every call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, getAgent, RetellCore, type ClientOptions } from '@retell-kit/client';
import { Retell } from '@retell-kit/sdk';
import { BASE, getAgentOp, KEY } from './helpers.js';

const NativeResponse = Response;
const NativeHeaders = Headers;
const NativeAbortController = AbortController;
const agent = JSON.stringify({ agent_id: 'a1', agent_name: 'Front desk', voice_id: '11labs-Adrian' });

interface Counts {
  headers: number;
  responses: number;
  controllers: number;
  listeners: number;
  timers: number;
  timerCallbacks: Set<unknown>;
  buildRequest: number;
  generate: number;
  text: number;
  json: number;
  clone: number;
  arrayBuffer: number;
}

/** Replaces the globals the runtime reaches for with counting ones; the fake fetch uses the natives. */
function countHotPath(): Counts {
  const counts: Counts = {
    headers: 0, responses: 0, controllers: 0, listeners: 0, timers: 0, timerCallbacks: new Set(),
    buildRequest: 0, generate: 0, text: 0, json: 0, clone: 0, arrayBuffer: 0,
  };
  vi.stubGlobal('Headers', class extends NativeHeaders {
    constructor(init?: HeadersInit) {
      super(init);
      counts.headers++;
    }
  });
  vi.stubGlobal('Response', class extends NativeResponse {
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init);
      counts.responses++;
    }
  });
  vi.stubGlobal('AbortController', class extends NativeAbortController {
    constructor() {
      super();
      counts.controllers++;
      const add = this.signal.addEventListener.bind(this.signal);
      this.signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
        counts.listeners++;
        add(...args);
      };
    }
  });
  const realSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    counts.timers++;
    counts.timerCallbacks.add(callback);
    return realSetTimeout(callback, ms, ...rest);
  }) as typeof setTimeout);
  const buildRequest = (RetellCore.prototype as unknown as { _buildRequest: (...a: unknown[]) => unknown })._buildRequest;
  vi.spyOn(RetellCore.prototype as unknown as { _buildRequest: (...a: unknown[]) => unknown }, '_buildRequest').mockImplementation(function (this: unknown, ...args: unknown[]) {
    counts.buildRequest++;
    return buildRequest.apply(this, args);
  });
  const generate = APIError.generate;
  vi.spyOn(APIError, 'generate').mockImplementation((...args: Parameters<typeof APIError.generate>) => {
    counts.generate++;
    return generate.apply(APIError, args);
  });
  for (const method of ['text', 'json', 'clone', 'arrayBuffer'] as const) {
    const original = NativeResponse.prototype[method] as (this: Response) => unknown;
    vi.spyOn(NativeResponse.prototype, method).mockImplementation(function (this: Response) {
      counts[method]++;
      return original.call(this);
    } as never);
  }
  return counts;
}

/** A fetch that answers every call with the agent (or `status`), made with the native Response. */
function fakeFetch(status = 200): typeof fetch {
  return (async () => new NativeResponse(status === 200 ? agent : '{"message":"Agent not found"}', {
    status,
    headers: { 'content-type': 'application/json' },
  })) as typeof fetch;
}

const options = (extra: ClientOptions = {}): ClientOptions => ({ apiKey: KEY, baseURL: BASE, logLevel: 'off', fetch: fakeFetch(), ...extra });
const CALLS = 5;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a plain GET pays only for what it uses', () => {
  it.each([
    ['getAgent(new RetellCore(), id)', () => {
      const core = new RetellCore(options());
      return () => getAgent(core, 'a1');
    }],
    ['facade agent.retrieve(id)', () => {
      const client = new Retell(options());
      return () => client.agent.retrieve('a1');
    }],
  ])('%s: no Headers, no Response, no override merge, no error, one controller and one shared timer callback per call', async (_label, make) => {
    const call = make();
    const counts = countHotPath();
    for (let i = 0; i < CALLS; i++) expect(await call()).toMatchObject({ agent_id: 'a1' });
    expect(counts).toMatchObject({
      headers: 0, responses: 0, buildRequest: 0, generate: 0,
      text: 0, json: 0, clone: 0, arrayBuffer: CALLS,
      controllers: CALLS, listeners: CALLS, timers: CALLS,
    });
    // The same function armed every timer: nothing was allocated per attempt to run on a timeout.
    expect(counts.timerCallbacks.size).toBe(1);
  });

  it('the default retries cost nothing while the first attempt succeeds: not even a response header lookup', async () => {
    const core = new RetellCore(options({ maxRetries: 5 }));
    const counts = countHotPath();
    const get = vi.spyOn(NativeHeaders.prototype, 'get');
    await core.request(getAgentOp, { path: { agent_id: 'a1' } });
    expect(counts).toMatchObject({ controllers: 1, timers: 1, listeners: 1, responses: 0, clone: 0 });
    expect(get).not.toHaveBeenCalled();
  });
});

describe('features cost only when present', () => {
  it('per-call options go through the override merge, once per call', async () => {
    const core = new RetellCore(options());
    const counts = countHotPath();
    await core.request(getAgentOp, { path: { agent_id: 'a1' } }, { headers: new NativeHeaders({ 'x-trace': '1' }) });
    await core.request(getAgentOp, { path: { agent_id: 'a1' } }, { timeout: 5_000 });
    expect(counts.buildRequest).toBe(2);
    expect(counts.headers).toBe(0);
  });

  it('asResponse() builds the one Response it hands over, and only then', async () => {
    const core = new RetellCore(options());
    const counts = countHotPath();
    const promise = core.request(getAgentOp, { path: { agent_id: 'a1' } });
    await promise;
    expect(counts.responses).toBe(0);
    const response = await promise.asResponse();
    expect(await response.json()).toMatchObject({ agent_id: 'a1' });
    expect(await promise.asResponse()).toBe(response);
    expect(counts.responses).toBe(1);
  });

  it('a caller signal adds one listener to it; an error status builds one error', async () => {
    const core = new RetellCore(options({ fetch: fakeFetch(404), maxRetries: 0 }));
    const counts = countHotPath();
    const user = new NativeAbortController();
    let userListeners = 0;
    const add = user.signal.addEventListener.bind(user.signal);
    user.signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      userListeners++;
      add(...args);
    };
    await expect(core.request(getAgentOp, { path: { agent_id: 'a1' } }, { signal: user.signal })).rejects.toMatchObject({ status: 404 });
    expect(userListeners).toBe(1);
    expect(counts.generate).toBe(1);
  });
});
