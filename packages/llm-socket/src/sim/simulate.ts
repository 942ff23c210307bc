/**
 * `simulateCall(url, script)`: plays Retell's side of the custom-LLM WebSocket against a server. It
 * connects (with the call id appended to the URL, as Retell does), expects `config` first, sends the
 * call details and a heartbeat when asked to, then replays the script: a user turn is an `update_only`
 * with the new transcript and a `response_required`; a silence is a `reminder_required`; an
 * interruption starts the next step while the answer is still streaming. Every server message is
 * checked against the spec and the protocol, and each turn is timed (first chunk, `content_complete`).
 * Violations are collected, never thrown: the report says what went wrong and where.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { LlmSocketError } from '../protocol/errors.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD, parseFrame, type JsonObject } from '../protocol/parse.js';
import type { LlmMessage, LlmSocketUtterance, RetellMessage } from '../protocol/types.js';
import { inspectLlmMessage, readRetellMessage, warmUp } from '../protocol/validate.js';
import type { SimReport, TurnReport, Violation, ViolationCode } from './report.js';
import { levelOf, RULES, type Strictness } from './rules.js';
import { DEFAULT_SCRIPT, parseScript, type SimScript, type SimStep } from './script.js';

export interface SimulateOptions {
  /** Largest frame accepted from the server (bytes). Default 1 MiB. */
  readonly maxPayload?: number;
  /** Sees every message in both directions, e.g. to print a live trace. */
  readonly trace?: (direction: 'in' | 'out', message: unknown) => void;
  /** `tolerant` (default): what Retell's platform accepts; `strict`: what the protocol docs ask for. */
  readonly strictness?: Strictness;
  /** Heartbeat period while `auto_reconnect` is on (ms). Default 2,000. */
  readonly pingIntervalMs?: number;
}

/** Where the call id goes: `{call_id}` if the URL has it, else appended to the path (before any query). */
export function callUrl(url: string, callId: string): string {
  const id = encodeURIComponent(callId);
  if (url.includes('{call_id}')) return url.replace('{call_id}', id);
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/${id}`;
  return parsed.toString();
}

interface TurnState {
  index: number;
  kind: TurnReport['kind'];
  said?: string;
  silenceMs?: number;
  responseId: number;
  sentAt: number;
  agent: string;
  chunks: number;
  firstChunkAt?: number;
  completeAt?: number;
  endCall: boolean;
  interrupted: boolean;
  supersededAt?: number;
  staleReported: boolean;
  toolCalls: Map<string, { name: string; result: boolean }>;
}

const DEFAULTS = { pingIntervalMs: 2_000, turnTimeoutMs: 10_000, configTimeoutMs: 5_000, staleGraceMs: 1000, closeTimeoutMs: 2_000, drainMs: 50 };

export async function simulateCall(url: string, script: SimScript = DEFAULT_SCRIPT, options: SimulateOptions = {}): Promise<SimReport> {
  const s = parseScript(script);
  // Compiling the schemas takes a moment once per process: not part of any turn's timing.
  warmUp();
  const started = performance.now();
  /** When the socket opened: the begin message is timed from here. */
  let openedAt = started;
  const callId = s.call_id ?? `call_sim_${randomBytes(8).toString('hex')}`;
  const target = callUrl(url, callId);
  const strictness = options.strictness ?? 'tolerant';
  const warnings: Violation[] = [];
  let pingsSent = 0;
  let pongsSeen = 0;
  let pingTimer: NodeJS.Timeout | undefined;
  const turnTimeout = s.turn_timeout_ms ?? DEFAULTS.turnTimeoutMs;
  const grace = s.stale_grace_ms ?? DEFAULTS.staleGraceMs;

  const violations: Violation[] = [];
  const turns = new Map<number, TurnState>();
  const transcript: LlmSocketUtterance[] = [];
  const withToolCalls: unknown[] = [];
  let step: number | undefined;
  let received = 0;
  let sent = 0;
  let config: JsonObject | undefined;
  let firstSeen = false;
  let configTimedOut = false;
  let firstKind: string | undefined;
  let pongSeen = false;
  let lastId = 0;
  /** The newest id the server has sent anything for: proof it has seen every request up to it. */
  let newestAnswered = -1;
  let lastInterruptId = -1;
  let lateGreeting = false;
  let closed: { code: number; reason: string } | undefined;
  let connectError: string | undefined;
  let ended = false;

  const violate = (code: ViolationCode, message: string, pointer?: string): void => {
    const level = levelOf(code, strictness);
    if (level === 'off') return;
    const list = level === 'violation' ? violations : warnings;
    if (list.length >= 1000) return; // a runaway server must not exhaust memory
    list.push({ code, message, rule: RULES[code].rule, level, ...(step !== undefined ? { turn: step } : {}), ...(pointer ? { pointer } : {}) });
  };

  // ---- waiting: each waiter is re-checked after every message and on close --------------------------
  const waiters = new Set<() => void>();
  const poke = (): void => {
    for (const w of [...waiters]) w();
  };
  const waitFor = (done: () => boolean, timeoutMs: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (done()) return resolve(true);
      const check = (): void => {
        if (!done()) return;
        finish(true);
      };
      const finish = (value: boolean): void => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => finish(done()), timeoutMs);
      waiters.add(check);
    });
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  let ws!: WebSocket;

  const send = (message: RetellMessage): boolean => {
    if (ws.readyState !== ws.OPEN) return false;
    options.trace?.('out', message);
    ws.send(JSON.stringify(message));
    sent++;
    return true;
  };

  // ---- what the server sends ---------------------------------------------------------------------------
  function onResponse(message: Extract<LlmMessage, { response_type: 'response' }>): void {
    const id = message.response_id;
    let turn = turns.get(id);
    if (!turn && id === 0 && lastId === 0) {
      turn = newTurn(-1, 'begin', 0);
      turn.sentAt = openedAt;
    }
    if (id === 0 && lastId > 0 && (!turn || turn.completeAt !== undefined)) {
      // A greeting that only arrived once the user had spoken (or again, after a reconnect): Retell
      // drops it, as any stale answer.
      if (!lateGreeting) violate('superseded-answered', `the greeting (response_id 0) arrived after response_id ${lastId} was requested`, '/response_id');
      lateGreeting = true;
      return;
    }
    if (!turn) {
      violate('wrong-response-id', `response_id ${id} was never requested (latest request: ${lastId})`, '/response_id');
      return;
    }
    if (turn.completeAt !== undefined) {
      violate('after-complete', `response for response_id ${id} after its content_complete`, '/response_id');
      return;
    }
    if (turn.supersededAt !== undefined) {
      // In flight when the newer request was sent: excused for a short while, unless the server
      // has already answered the newer request (then it knew this one was stale).
      const late = newestAnswered > id || performance.now() - turn.supersededAt > grace;
      if (late && !turn.staleReported) {
        turn.staleReported = true;
        violate('superseded-answered', `response for response_id ${id} after response_id ${lastId} superseded it`, '/response_id');
      }
      return;
    }
    newestAnswered = Math.max(newestAnswered, id);
    const now = performance.now();
    turn.firstChunkAt ??= now;
    turn.chunks++;
    turn.agent += message.content;
    if (message.content_complete) {
      turn.completeAt = now;
      turn.endCall = message.end_call === true;
      // The greeting joins the transcript as Retell's would; turns are added by the step loop.
      if (turn.kind === 'begin' && turn.agent) transcript.push({ role: 'agent', content: turn.agent });
    }
  }

  function onMessage(value: JsonObject): void {
    const checked = inspectLlmMessage(value);
    const kind = typeof value['response_type'] === 'string' ? value['response_type'].slice(0, 40) : 'message';
    for (const pointer of checked.nulls.slice(0, 5)) violate('null-field', `${kind}: null in optional field ${pointer}`, pointer);
    if (!checked.message) {
      const e = checked.error!;
      violate('schema', e.message.replace(/ \(at [^)]*\)$/, ''), e.pointer);
      if (!firstSeen) firstSeen = true;
      return;
    }
    const message = checked.message;
    if (!firstSeen) {
      firstSeen = true;
      firstKind = message.response_type;
    }
    switch (message.response_type) {
      case 'config':
        // A server with no config at all is fine (it is optional); one that sends it late is flagged.
        if (config === undefined && firstKind !== 'config') violate('config-not-first', `config came after ${firstKind ?? 'another message'}; it is expected first`);
        config ??= message.config as JsonObject;
        return;
      case 'ping_pong':
        pongSeen = true;
        pongsSeen++;
        return;
      case 'response':
        onResponse(message);
        return;
      case 'agent_interrupt':
        if (message.interrupt_id < lastInterruptId) violate('interrupt-id', `interrupt_id ${message.interrupt_id} after ${lastInterruptId}`, '/interrupt_id');
        lastInterruptId = Math.max(lastInterruptId, message.interrupt_id);
        if (message.content_complete && message.content) transcript.push({ role: 'agent', content: message.content });
        return;
      case 'tool_call_invocation': {
        turns.get(lastId)?.toolCalls.set(message.tool_call_id, { name: message.name, result: false });
        withToolCalls.push({ role: 'tool_call_invocation', tool_call_id: message.tool_call_id, name: message.name, arguments: message.arguments });
        return;
      }
      case 'tool_call_result': {
        const call = [...turns.values()].map((t) => t.toolCalls.get(message.tool_call_id)).find(Boolean);
        if (!call) violate('tool-call', `tool_call_result for unknown tool_call_id ${JSON.stringify(message.tool_call_id).slice(0, 80)}`, '/tool_call_id');
        else call.result = true;
        withToolCalls.push({ role: 'tool_call_result', tool_call_id: message.tool_call_id, content: message.content });
        return;
      }
      case 'update_agent':
      case 'metadata':
        return;
    }
  }

  /** Opens (or, for a reconnect, reopens) the socket to the same call URL; resolves whether it opened. */
  function openSocket(): Promise<boolean> {
    const socket = new WebSocket(target, { maxPayload: options.maxPayload ?? DEFAULT_MAX_PAYLOAD, perMessageDeflate: false, handshakeTimeout: s.config_timeout_ms ?? DEFAULTS.configTimeoutMs });
    ws = socket;
    socket.on('message', (data, isBinary) => {
      if (ws !== socket) return;
      received++;
      try {
        if (isBinary) throw new LlmSocketError('malformed-json', 'binary frame');
        const value = parseFrame(data as Buffer, DEFAULT_MAX_DEPTH);
        options.trace?.('in', value);
        onMessage(value);
      } catch (error) {
        const e = error as LlmSocketError;
        violate('malformed-json', e.message);
        firstSeen = true;
      }
      poke();
    });
    socket.on('error', (error) => {
      connectError ??= error.message;
    });
    socket.on('unexpected-response', (_req, res) => {
      connectError = `the server answered the upgrade with HTTP ${res.statusCode}`;
      res.resume();
      socket.terminate();
    });
    socket.on('close', (code, reason) => {
      if (ws !== socket) return;
      closed = { code, reason: reason.toString('utf8') };
      poke();
    });
    return new Promise<boolean>((resolve) => {
      socket.once('open', () => {
        openedAt = performance.now();
        resolve(true);
      });
      socket.once('close', () => resolve(false));
    });
  }

  /** Drops the socket the way a network failure does (no close handshake) and reconnects with the same call id. */
  async function reconnect(): Promise<boolean> {
    const old = ws;
    const gone = new Promise<void>((resolve) => (old.readyState === old.CLOSED ? resolve() : old.once('close', () => resolve())));
    old.terminate();
    await gone;
    closed = undefined;
    connectError = undefined;
    // A heartbeat lost with the old socket is not the new socket's to answer.
    pongsSeen = pingsSent;
    const ok = await openSocket();
    if (!ok) {
      violate('connect-failed', `reconnect with the same call id failed: ${connectError ?? 'the socket closed'}`);
      return false;
    }
    // The server sends its config again on the new socket; let it arrive before the next step.
    await waitFor(() => closed !== undefined, DEFAULTS.drainMs * 2);
    return true;
  }

  // ---- what Retell sends -----------------------------------------------------------------------------
  function newTurn(index: number, kind: TurnReport['kind'], responseId: number): TurnState {
    const turn: TurnState = { index, kind, responseId, sentAt: performance.now(), agent: '', chunks: 0, endCall: false, interrupted: false, staleReported: false, toolCalls: new Map() };
    turns.set(responseId, turn);
    return turn;
  }

  function transcriptFields(): { transcript: LlmSocketUtterance[]; transcript_with_tool_calls?: unknown[] } {
    const copy = transcript.map((u) => ({ ...u }));
    if (config?.['transcript_with_tool_calls'] !== true) return { transcript: copy };
    return { transcript: copy, transcript_with_tool_calls: [...copy.map((u) => ({ ...u, words: [] })), ...withToolCalls] };
  }

  /** Steps that ask for an answer. */
  type AskStep = Extract<SimStep, { user: string } | { silence: number }>;

  function request(stepIndex: number, stepDef: AskStep): TurnState {
    // A new request supersedes whatever is still streaming (the greeting included).
    const now = performance.now();
    for (const t of turns.values()) if (t.completeAt === undefined && t.supersededAt === undefined) t.supersededAt = now;
    lastId++;
    if ('user' in stepDef) {
      transcript.push({ role: 'user', content: stepDef.user });
      send({ interaction_type: 'update_only', ...transcriptFields(), turntaking: 'agent_turn' } as RetellMessage);
      const turn = newTurn(stepIndex, 'user', lastId);
      turn.said = stepDef.user;
      send({ interaction_type: 'response_required', response_id: lastId, ...transcriptFields() } as RetellMessage);
      return turn;
    }
    const turn = newTurn(stepIndex, 'reminder', lastId);
    turn.silenceMs = stepDef.silence;
    send({ interaction_type: 'reminder_required', response_id: lastId, ...transcriptFields() } as RetellMessage);
    return turn;
  }

  function checkExpect(turn: TurnState, stepDef: AskStep): void {
    const expect = stepDef.expect;
    if (!expect) return;
    if (expect.contains !== undefined && !turn.agent.toLowerCase().includes(expect.contains.toLowerCase())) {
      violate('expectation', `the answer does not contain ${JSON.stringify(expect.contains)}: ${JSON.stringify(turn.agent.slice(0, 120))}`);
    }
    if (expect.end_call !== undefined && turn.endCall !== expect.end_call) violate('expectation', `end_call was ${turn.endCall}, expected ${expect.end_call}`);
    if (expect.tool_call !== undefined) {
      const calls = [...turn.toolCalls.values()].filter((c) => c.name === expect.tool_call);
      if (calls.length === 0) violate('tool-call', `no tool_call_invocation of ${JSON.stringify(expect.tool_call)} during the turn`);
      else if (!calls.some((c) => c.result)) violate('tool-call', `tool ${JSON.stringify(expect.tool_call)} was invoked but no tool_call_result came`);
    }
  }

  function callDetails(): RetellMessage {
    // Every documented shape: a phone call (inbound or outbound; the docs also spell these
    // `inbound_phone_call` / `outbound_phone_call`), or a web call, which carries no access_token here.
    const kind = s.call_type ?? 'phone_call';
    const web = kind === 'web_call';
    const call: JsonObject = {
      call_type: web ? 'web_call' : kind,
      call_id: callId,
      agent_id: s.agent_id ?? 'agent_llm_sim',
      agent_version: 1,
      call_status: 'ongoing',
      ...(web ? {} : { direction: kind === 'outbound_phone_call' ? 'outbound' : 'inbound', from_number: s.from_number ?? '+14155550100', to_number: s.to_number ?? '+14155550199' }),
      start_timestamp: Date.now(),
      ...(s.metadata ? { metadata: s.metadata } : {}),
      ...(s.dynamic_variables ? { retell_llm_dynamic_variables: s.dynamic_variables } : {}),
    };
    return readRetellMessage({ interaction_type: 'call_details', call }).message;
  }

  const opened = await openSocket();

  if (!opened) {
    violate('connect-failed', `cannot connect to ${target}: ${connectError ?? `closed (${closed?.code ?? '?'})`}`);
  } else {
    await runCall();
  }

  async function runCall(): Promise<void> {
    await waitFor(() => config !== undefined || firstSeen || closed !== undefined, s.config_timeout_ms ?? DEFAULTS.configTimeoutMs);
    if (!firstSeen && !closed) configTimedOut = true;
    const noConfig = (): void => violate('no-config', `no config within ${s.config_timeout_ms ?? DEFAULTS.configTimeoutMs} ms of connecting; going on with every option off`);
    if (configTimedOut) noConfig();
    // A config that comes second still counts for the options (the violation is already recorded).
    if (firstSeen && !config) {
      await waitFor(() => config !== undefined || closed !== undefined, DEFAULTS.drainMs);
      if (!config && !closed) noConfig();
    }
    if (config?.['call_details'] === true) send(callDetails());
    if (config?.['auto_reconnect'] === true) {
      send({ interaction_type: 'ping_pong', timestamp: Date.now() });
      pingsSent++;
      if (!(await waitFor(() => pongSeen || closed !== undefined, turnTimeout)) || !pongSeen) violate('no-pong', 'auto_reconnect is on but the heartbeat was not answered');
      else {
        // Retell keeps pinging for the whole call; each ping must find its pong before the next one.
        const every = options.pingIntervalMs ?? DEFAULTS.pingIntervalMs;
        let reported = false;
        pingTimer = setInterval(() => {
          if (pongsSeen < pingsSent && !reported) {
            reported = true;
            violate('no-pong', `ping ${pingsSent} unanswered after ${every} ms`);
          }
          if (send({ interaction_type: 'ping_pong', timestamp: Date.now() })) pingsSent++;
        }, every);
        pingTimer.unref();
      }
    }
    if (s.begin_message) {
      const ok = await waitFor(() => turns.get(0)?.completeAt !== undefined || closed !== undefined, turnTimeout);
      if (!ok || turns.get(0)?.completeAt === undefined) violate('turn-timeout', `no complete begin message (response_id 0) within ${turnTimeout} ms`);
    }
    for (const [i, stepDef] of s.turns.entries()) {
      if (closed) break;
      step = i;
      if ('update' in stepDef) {
        // The user is still talking: a bare update_only, nothing to answer.
        send({ interaction_type: 'update_only', transcript: [...transcriptFields().transcript, { role: 'user', content: stepDef.update }], turntaking: 'user_turn' } as RetellMessage);
        await sleep(DEFAULTS.drainMs);
        continue;
      }
      if ('reconnect' in stepDef) {
        if (!(await reconnect())) break;
        continue;
      }
      if ('silence' in stepDef) await sleep(stepDef.silence);
      const turn = request(i, stepDef);
      const interruptAt = 'user' in stepDef ? (stepDef.interrupt_after_chunks ?? stepDef.hangup_after_chunks) : undefined;
      const done = (): boolean => turn.completeAt !== undefined || closed !== undefined || (interruptAt !== undefined && turn.chunks >= interruptAt);
      await waitFor(done, turnTimeout);
      if (turn.completeAt === undefined && interruptAt !== undefined && turn.chunks >= interruptAt) {
        turn.interrupted = true;
        if (turn.agent) transcript.push({ role: 'agent', content: turn.agent });
        if ('user' in stepDef && stepDef.hangup_after_chunks !== undefined) {
          // The caller hangs up while the agent is still speaking.
          ended = true;
          ws.close(1000, 'user hung up');
          break;
        }
        continue;
      }
      if (turn.completeAt === undefined) {
        if (!closed) violate('turn-timeout', `no content_complete for response_id ${turn.responseId} within ${turnTimeout} ms (${turn.chunks} chunk(s) received)`);
        break;
      }
      transcript.push({ role: 'agent', content: turn.agent });
      checkExpect(turn, stepDef);
      if (turn.endCall) break;
    }
    step = undefined;
    clearInterval(pingTimer);
    // Late messages (a stale answer, content after completion) are still checked for a moment.
    await sleep(DEFAULTS.drainMs);
    if (closed && !ended) {
      const endedByAgent = [...turns.values()].some((t) => t.endCall);
      if (!endedByAgent) violate('closed-early', `the server closed the socket (code ${closed.code}${closed.reason ? `, ${closed.reason}` : ''}) before the call ended`);
    }
    ended = true;
    if (!closed) {
      ws.close(1000, 'call ended');
      if (!(await waitFor(() => closed !== undefined, DEFAULTS.closeTimeoutMs))) ws.terminate();
    }
  }
  ws.removeAllListeners('message');

  const turnReports: TurnReport[] = [...turns.values()]
    .sort((a, b) => a.responseId - b.responseId)
    .map((t) => ({
      index: t.index,
      kind: t.kind,
      ...(t.said !== undefined ? { said: t.said } : {}),
      ...(t.silenceMs !== undefined ? { silenceMs: t.silenceMs } : {}),
      responseId: t.responseId,
      atMs: t.sentAt - started,
      agent: t.agent,
      chunks: t.chunks,
      ...(t.firstChunkAt !== undefined ? { firstChunkMs: t.firstChunkAt - t.sentAt } : {}),
      ...(t.completeAt !== undefined ? { completeMs: t.completeAt - t.sentAt } : {}),
      interrupted: t.interrupted,
      endCall: t.endCall,
      toolCalls: [...t.toolCalls.values()].map((c) => c.name),
    }));
  return {
    url: target,
    callId,
    ok: violations.length === 0,
    strictness,
    warnings,
    ...(config ? { config } : {}),
    turns: turnReports,
    violations,
    received,
    sent,
    durationMs: performance.now() - started,
  };
}
