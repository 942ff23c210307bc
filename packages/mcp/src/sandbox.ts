/**
 * Runs the agent's JavaScript in QuickJS compiled to WebAssembly (quickjs-emscripten). The sandbox is
 * a separate JS engine inside a WebAssembly instance: it shares no objects, prototypes or globals with
 * Node, has no module loader, and sees only what is put into it here: `console` (captured, bounded)
 * and one host function that forwards an SDK call by name. Each run gets a fresh runtime and context
 * with a memory limit, a stack limit and an interrupt deadline; the host enforces the wall timeout,
 * the number of SDK calls and the size of everything that crosses the boundary.
 */
import { newQuickJSWASMModule, newVariant, RELEASE_SYNC, shouldInterruptAfterDeadline, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten';

export interface SandboxLimits {
  /** Wall-clock budget of one run, ms (default 30 000). */
  readonly timeoutMs: number;
  /** Heap of the sandbox's runtime, bytes (default 64 MiB). */
  readonly memoryBytes: number;
  /** Console output kept, characters (default 64 000); the rest is dropped with a note. */
  readonly maxOutputChars: number;
  /** Serialized return value kept, characters (default 200 000). */
  readonly maxResultChars: number;
  /** SDK calls one run may make (default 50). */
  readonly maxCalls: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 30_000, memoryBytes: 64 * 1024 * 1024, maxOutputChars: 64_000, maxResultChars: 200_000, maxCalls: 50 };

/** How the sandbox reaches the outside: one call by name with JSON arguments, answered with JSON. */
export type HostCall = (method: string, argsJson: string, iterate: boolean) => Promise<string>;

/** A failure the host reports into the sandbox (becomes an `APIError` there when it has a status). */
export class HostCallError extends Error {
  constructor(
    message: string,
    readonly details: { readonly name: string; readonly status?: number; readonly body?: unknown },
  ) {
    super(message);
  }
}

export type RunOutcome =
  | { readonly ok: true; readonly value: unknown; readonly truncated: boolean; readonly console: string; readonly calls: number; readonly ms: number }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string; readonly status?: number; readonly body?: unknown; readonly stack?: string; readonly line?: number; readonly column?: number }; readonly console: string; readonly calls: number; readonly ms: number };

let modulePromise: Promise<QuickJSWASMModule> | undefined;

const WASM_PAGE = 64 * 1024;

/**
 * The WebAssembly module is instantiated once per worker; runtimes and contexts are created per run.
 * QuickJS's own memory limit counts its objects, not the allocator's heap: fragmented growth can take
 * the WebAssembly memory far past it (gigabytes). So the memory itself gets a hard maximum, a little
 * over twice the QuickJS limit: past it every allocation fails and the run ends out of memory.
 */
export function quickJs(memoryBytes: number = DEFAULT_LIMITS.memoryBytes): Promise<QuickJSWASMModule> {
  modulePromise ??= newQuickJSWASMModule(
    newVariant(RELEASE_SYNC, { wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: Math.ceil((2 * memoryBytes + 32 * 1024 * 1024) / WASM_PAGE) }) }),
  );
  return modulePromise;
}

/**
 * Inside the sandbox: `client.<resource>.<method>(...args)` returns a promise of the parsed result and,
 * for paginated methods, can be walked with `for await` (the host fetches the pages). Errors from the
 * API arrive as `APIError` with `status` and `body`. The method table is data from the docs index.
 */
function prelude(methods: readonly string[]): string {
  return `
'use strict';
class APIError extends Error {
  constructor(message, status, body) { super(message); this.name = 'APIError'; this.status = status; this.body = body; this.error = body; }
}
globalThis.APIError = APIError;
const __call = globalThis.__hostCall;
delete globalThis.__hostCall;
const __client = {};
for (const id of ${JSON.stringify(methods)}) {
  const [resource, method] = id.split('.');
  const target = __client[resource] || (__client[resource] = {});
  target[method] = (...args) => {
    const send = (iterate) => __call(id, JSON.stringify(args), iterate).then(
      (text) => (text === undefined ? undefined : JSON.parse(text)),
      (e) => { throw (e && typeof e.status === 'number') ? new APIError(e.message, e.status, e.body) : Object.assign(new Error(e && e.message), { name: (e && e.name) || 'Error' }); },
    );
    let pending;
    const result = { then: (ok, fail) => (pending || (pending = send(false))).then(ok, fail), catch: (fail) => result.then(undefined, fail) };
    result[Symbol.asyncIterator] = async function* () { yield* await send(true); };
    return result;
  };
}
Object.freeze(__client);
`;
}

function safeJson(value: unknown, max: number): { text: string; truncated: boolean } {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return text.length > max ? { text: text.slice(0, max), truncated: true } : { text, truncated: false };
}

export async function runInSandbox(js: string, methods: readonly string[], host: HostCall, limits: SandboxLimits = DEFAULT_LIMITS): Promise<RunOutcome> {
  const started = performance.now();
  const qjs = await quickJs(limits.memoryBytes);
  const runtime = qjs.newRuntime();
  const deadline = Date.now() + limits.timeoutMs;
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(1024 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(deadline));
  const vm = runtime.newContext();
  let output = '';
  let outputDropped = 0;
  let calls = 0;
  let disposed = false;
  const inflight = new Set<Promise<void>>();
  const ms = () => Math.round(performance.now() - started);
  const log = (level: string) => (...args: QuickJSHandle[]) => {
    // Past the limit only the count is kept: converting megabytes of output would cost the run its time.
    if (outputDropped > 0) {
      outputDropped += 1;
      return;
    }
    const line = args.map((a) => (vm.typeof(a) === 'string' ? vm.getString(a) : safeJson(vm.dump(a), 10_000).text)).join(' ');
    const text = `${level === 'log' ? '' : `[${level}] `}${line}\n`;
    if (output.length + text.length <= limits.maxOutputChars) output += text;
    else {
      const room = Math.max(0, limits.maxOutputChars - output.length);
      output += text.slice(0, room);
      outputDropped += 1;
    }
  };
  const consoleText = () => (outputDropped > 0 ? `${output}\n…(output past ${limits.maxOutputChars} characters dropped)` : output);

  try {
    const consoleObj = vm.newObject();
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
      const fn = vm.newFunction(level, log(level));
      vm.setProp(consoleObj, level, fn);
      fn.dispose();
    }
    vm.setProp(vm.global, 'console', consoleObj);
    consoleObj.dispose();

    const hostCall = vm.newFunction('__hostCall', (idHandle, argsHandle, iterateHandle) => {
      const id = vm.typeof(idHandle) === 'string' ? vm.getString(idHandle) : '';
      const argsJson = vm.typeof(argsHandle) === 'string' ? vm.getString(argsHandle) : '[]';
      const iterate = vm.dump(iterateHandle) === true;
      const deferred = vm.newPromise();
      calls += 1;
      const work =
        calls > limits.maxCalls
          ? Promise.reject(new HostCallError(`too many SDK calls in one run (limit ${limits.maxCalls})`, { name: 'LimitError' }))
          : host(id, argsJson, iterate);
      const settled = work.then(
        (text) => {
          if (disposed) return;
          const h = vm.newString(text);
          deferred.resolve(h);
          h.dispose();
        },
        (error: unknown) => {
          if (disposed) return;
          const details = error instanceof HostCallError ? error.details : { name: 'Error' };
          const message = error instanceof Error ? error.message : String(error);
          const e = vm.newError({ name: details.name, message });
          if (details.status !== undefined) {
            const status = vm.newNumber(details.status);
            vm.setProp(e, 'status', status);
            status.dispose();
            const body = vm.newString(safeJson(details.body ?? null, 20_000).text);
            const parsed = vm.evalCode('(s) => JSON.parse(s)');
            if (parsed.error) parsed.error.dispose();
            else {
              const r = vm.callFunction(parsed.value, vm.undefined, body);
              if (!r.error) {
                vm.setProp(e, 'body', r.value);
                r.value.dispose();
              } else r.error.dispose();
              parsed.value.dispose();
            }
            body.dispose();
          }
          deferred.reject(e);
          e.dispose();
        },
      );
      const tracked = settled.finally(() => {
        inflight.delete(tracked);
        if (!disposed) deferred.dispose();
      });
      inflight.add(tracked);
      return deferred.handle;
    });
    vm.setProp(vm.global, '__hostCall', hostCall);
    hostCall.dispose();

    const setup = vm.evalCode(prelude(methods), 'prelude.js');
    if (setup.error) {
      const e = vm.dump(setup.error);
      setup.error.dispose();
      throw new Error(`sandbox setup failed: ${JSON.stringify(e)}`);
    }
    setup.value.dispose();

    const program = `${js}\n;(async () => {\n  if (typeof run !== 'function') throw new TypeError('the code must define async function run(client)');\n  return await run(__client);\n})()`;
    const evaluated = vm.evalCode(program, 'agent.js');
    if (evaluated.error) return { ok: false, error: describeError(vm, evaluated.error, deadline), console: consoleText(), calls, ms: ms() };
    const promise = evaluated.value;
    try {
      // Drive the sandbox's job queue until its promise settles: host calls settle on the Node side,
      // then their continuations run here. Stops at the wall deadline whatever the sandbox does.
      for (;;) {
        const jobs = runtime.executePendingJobs();
        if (jobs.error) return { ok: false, error: describeError(vm, jobs.error, deadline), console: consoleText(), calls, ms: ms() };
        const state = vm.getPromiseState(promise);
        if (state.type === 'fulfilled') {
          const value = state.notAPromise ? undefined : vm.dump(state.value);
          if (!state.notAPromise) state.value.dispose();
          const { text, truncated } = safeJson(value, limits.maxResultChars);
          return { ok: true, value: truncated ? `${text}…` : value, truncated, console: consoleText(), calls, ms: ms() };
        }
        if (state.type === 'rejected') return { ok: false, error: describeError(vm, state.error, deadline), console: consoleText(), calls, ms: ms() };
        const left = deadline - Date.now();
        if (left <= 0) return { ok: false, error: { name: 'TimeoutError', message: `the code did not finish within ${limits.timeoutMs} ms` }, console: consoleText(), calls, ms: ms() };
        if (inflight.size === 0 && !runtime.hasPendingJob()) {
          // Nothing in flight and nothing queued: the promise can never settle.
          return { ok: false, error: { name: 'TimeoutError', message: 'the code awaits a promise that can never settle (nothing is pending)' }, console: consoleText(), calls, ms: ms() };
        }
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([...inflight, new Promise<void>((r) => (timer = setTimeout(r, Math.min(left, 1_000))))]);
        clearTimeout(timer);
      }
    } finally {
      promise.dispose();
    }
  } catch (error) {
    return { ok: false, error: { name: 'SandboxError', message: error instanceof Error ? error.message : String(error) }, console: consoleText(), calls, ms: ms() };
  } finally {
    disposed = true;
    try {
      vm.dispose();
      runtime.dispose();
    } catch {
      // A run cut short can leave handles behind; the WebAssembly module is then replaced for the next run.
      modulePromise = undefined;
    }
  }
}

/** The innermost frame of the agent's code in a QuickJS stack (`at run (agent.js:3:17)`): JS line, column. */
function where(stack: string): { line?: number; column?: number } {
  const m = /agent\.js:(\d+):(\d+)/.exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : {};
}

function describeError(vm: QuickJSContext, handle: QuickJSHandle, deadline: number): { name: string; message: string; status?: number; body?: unknown; stack?: string; line?: number; column?: number } {
  const dumped = vm.dump(handle) as unknown;
  handle.dispose();
  if (dumped !== null && typeof dumped === 'object') {
    const e = dumped as { name?: unknown; message?: unknown; status?: unknown; body?: unknown; stack?: unknown };
    const name = typeof e.name === 'string' ? e.name : 'Error';
    let message = typeof e.message === 'string' ? e.message : JSON.stringify(dumped).slice(0, 2_000);
    if (name === 'InternalError' && /interrupted/i.test(message) && Date.now() >= deadline) message = 'interrupted: the code ran past the time limit (an endless loop?)';
    if (name === 'InternalError' && /out of memory/i.test(message)) message = 'out of memory: the code allocated past the sandbox memory limit';
    return {
      name,
      message: message.slice(0, 4_000),
      ...(typeof e.status === 'number' ? { status: e.status, body: e.body } : {}),
      ...(typeof e.stack === 'string' ? { stack: e.stack.slice(0, 2_000), ...where(e.stack) } : {}),
    };
  }
  return { name: 'Error', message: `thrown: ${safeJson(dumped, 2_000).text}` };
}
