/**
 * The simulator's script: the call Retell would describe and the conversation to replay. Written in
 * YAML (or given as an object); checked here field by field, so a mistake is reported with its JSON
 * pointer and never half-runs a call. Input is bounded: size, number of steps, text length, YAML aliases.
 *
 *   call: { agent_id: agent_demo, metadata: { plan: gold } }
 *   begin_message: true          # wait for the agent's greeting (response_id 0) before the first turn
 *   turns:
 *     - user: Hi, what are your opening hours?
 *       expect: { contains: hours }
 *     - silence: 300             # the user says nothing for 300 ms: Retell asks for a reminder
 *     - user: Tell me everything about your menu.
 *       interrupt_after_chunks: 2  # the user talks over the answer after 2 chunks (the next step starts)
 *     - user: Book me a table for two.
 *       expect: { tool_call: book_table }
 *     - user: Thanks, bye.
 *       expect: { end_call: true }
 */
import { readFile, stat } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { sanitize } from '../protocol/parse.js';

export interface TurnExpect {
  /** The agent's answer must contain this text (case-insensitive). */
  readonly contains?: string;
  /** The answer's last message must (true) or must not (false) set `end_call`. */
  readonly end_call?: boolean;
  /** The server must report a tool call with this name (`tool_call_invocation` + `tool_call_result`) during the turn. */
  readonly tool_call?: string;
}

export type SimStep =
  | { readonly user: string; readonly interrupt_after_chunks?: number; readonly hangup_after_chunks?: number; readonly expect?: TurnExpect }
  | { readonly silence: number; readonly expect?: TurnExpect }
  /** A bare `update_only`: the user is still talking (partial text), nothing is to be answered. */
  | { readonly update: string }
  /** The socket drops and Retell reconnects with the same call id. */
  | { readonly reconnect: true };

export interface SimScript {
  readonly call_id?: string;
  readonly agent_id?: string;
  readonly from_number?: string;
  readonly to_number?: string;
  readonly metadata?: Record<string, unknown>;
  readonly dynamic_variables?: Record<string, string>;
  /** The call_details shape sent (when the server asks for it). Default `phone_call` (inbound). */
  readonly call_type?: 'phone_call' | 'inbound_phone_call' | 'outbound_phone_call' | 'web_call';
  /** Wait for the greeting (`response_id` 0, complete) before the first step. Default false. */
  readonly begin_message?: boolean;
  /** Longest wait for an answer to complete. Default 10,000 ms. */
  readonly turn_timeout_ms?: number;
  /** Longest wait for the server's first message (`config`). Default 5,000 ms. */
  readonly config_timeout_ms?: number;
  /**
   * How long after a request is superseded an answer to it is still excused (it may have been in
   * flight). Default 1,000 ms; an answer to it after the server answered the newer request is never excused.
   */
  readonly stale_grace_ms?: number;
  readonly turns: readonly SimStep[];
}

export const DEFAULT_SCRIPT: SimScript = {
  begin_message: false,
  turns: [
    { user: 'Hello, who am I speaking with?' },
    { silence: 200 },
    { user: 'Can you tell me a long story about the sea?', interrupt_after_chunks: 1 },
    { user: 'Sorry, a short answer please.' },
    { user: 'Thanks, goodbye.' },
  ],
};

const LIMITS = { bytes: 256 * 1024, steps: 1000, text: 10_000, timeoutMs: 600_000, silenceMs: 600_000, chunks: 10_000 };

export class ScriptError extends Error {
  override readonly name = 'ScriptError';
  constructor(
    message: string,
    readonly pointer: string,
    readonly file?: string,
  ) {
    super(`${file ? `${file}: ` : ''}${message} (at ${pointer || '/'})`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function only(value: Obj, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new ScriptError(`unknown field "${key}" (allowed: ${allowed.join(', ')})`, `${pointer}/${key}`);
}

function text(value: unknown, pointer: string, max = LIMITS.text): string {
  if (typeof value !== 'string') throw new ScriptError('must be a string', pointer);
  if (value.length > max) throw new ScriptError(`longer than ${max} characters`, pointer);
  return value;
}

function integer(value: unknown, pointer: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new ScriptError(`must be an integer from ${min} to ${max}`, pointer);
  return value;
}

function expectOf(value: unknown, pointer: string): TurnExpect | undefined {
  if (value === undefined) return undefined;
  if (!isObj(value)) throw new ScriptError('must be an object', pointer);
  only(value, ['contains', 'end_call', 'tool_call'], pointer);
  if (value['end_call'] !== undefined && typeof value['end_call'] !== 'boolean') throw new ScriptError('must be a boolean', `${pointer}/end_call`);
  return {
    ...(value['contains'] !== undefined ? { contains: text(value['contains'], `${pointer}/contains`) } : {}),
    ...(value['end_call'] !== undefined ? { end_call: value['end_call'] } : {}),
    ...(value['tool_call'] !== undefined ? { tool_call: text(value['tool_call'], `${pointer}/tool_call`, 200) } : {}),
  };
}

function stepOf(value: unknown, pointer: string, last: boolean): SimStep {
  if (!isObj(value)) throw new ScriptError('a step must be an object with "user", "silence", "update" or "reconnect"', pointer);
  const expect = expectOf(value['expect'], `${pointer}/expect`);
  if ('user' in value) {
    only(value, ['user', 'interrupt_after_chunks', 'hangup_after_chunks', 'expect'], pointer);
    const interrupt = value['interrupt_after_chunks'];
    const hangup = value['hangup_after_chunks'];
    if (interrupt !== undefined && last) throw new ScriptError('the last step cannot be interrupted: nothing follows it', `${pointer}/interrupt_after_chunks`);
    if (hangup !== undefined && !last) throw new ScriptError('only the last step can hang up', `${pointer}/hangup_after_chunks`);
    if (hangup !== undefined && interrupt !== undefined) throw new ScriptError('a step is interrupted or hung up on, not both', pointer);
    return {
      user: text(value['user'], `${pointer}/user`),
      ...(interrupt !== undefined ? { interrupt_after_chunks: integer(interrupt, `${pointer}/interrupt_after_chunks`, 1, LIMITS.chunks) } : {}),
      ...(hangup !== undefined ? { hangup_after_chunks: integer(hangup, `${pointer}/hangup_after_chunks`, 1, LIMITS.chunks) } : {}),
      ...(expect ? { expect } : {}),
    };
  }
  if ('update' in value) {
    only(value, ['update'], pointer);
    return { update: text(value['update'], `${pointer}/update`) };
  }
  if ('reconnect' in value) {
    only(value, ['reconnect'], pointer);
    if (value['reconnect'] !== true) throw new ScriptError('must be true', `${pointer}/reconnect`);
    return { reconnect: true };
  }
  if ('silence' in value) {
    only(value, ['silence', 'expect'], pointer);
    return { silence: integer(value['silence'], `${pointer}/silence`, 0, LIMITS.silenceMs), ...(expect ? { expect } : {}) };
  }
  throw new ScriptError('a step must have "user" (what the user says), "silence" (ms before a reminder), "update" (partial speech) or "reconnect: true"', pointer);
}

/** Checks a script given as a value (parsed YAML or an object literal); throws `ScriptError`. */
export function parseScript(value: unknown, file?: string): SimScript {
  try {
    sanitize(value, 16);
    if (!isObj(value)) throw new ScriptError('the script must be an object with a "turns" list', '');
    only(value, ['call_id', 'agent_id', 'from_number', 'to_number', 'metadata', 'dynamic_variables', 'call_type', 'begin_message', 'turn_timeout_ms', 'config_timeout_ms', 'stale_grace_ms', 'turns'], '');
    const turns = value['turns'];
    if (!Array.isArray(turns)) throw new ScriptError('must be a list of steps', '/turns');
    if (turns.length > LIMITS.steps) throw new ScriptError(`more than ${LIMITS.steps} steps`, '/turns');
    const script: Obj = { turns: turns.map((t, i) => stepOf(t, `/turns/${i}`, i === turns.length - 1)) };
    for (const key of ['call_id', 'agent_id', 'from_number', 'to_number'] as const) if (value[key] !== undefined) script[key] = text(value[key], `/${key}`, 128);
    if (value['call_type'] !== undefined) {
      const kinds = ['phone_call', 'inbound_phone_call', 'outbound_phone_call', 'web_call'];
      if (!kinds.includes(value['call_type'] as string)) throw new ScriptError(`must be one of ${kinds.join(', ')}`, '/call_type');
      script['call_type'] = value['call_type'];
    }
    if (value['begin_message'] !== undefined) {
      if (typeof value['begin_message'] !== 'boolean') throw new ScriptError('must be a boolean', '/begin_message');
      script['begin_message'] = value['begin_message'];
    }
    for (const key of ['turn_timeout_ms', 'config_timeout_ms', 'stale_grace_ms'] as const) if (value[key] !== undefined) script[key] = integer(value[key], `/${key}`, 1, LIMITS.timeoutMs);
    if (value['metadata'] !== undefined) {
      if (!isObj(value['metadata'])) throw new ScriptError('must be an object', '/metadata');
      script['metadata'] = value['metadata'];
    }
    if (value['dynamic_variables'] !== undefined) {
      const vars = value['dynamic_variables'];
      if (!isObj(vars)) throw new ScriptError('must be an object of strings', '/dynamic_variables');
      for (const [k, v] of Object.entries(vars)) text(v, `/dynamic_variables/${k}`);
      script['dynamic_variables'] = vars;
    }
    return script as unknown as SimScript;
  } catch (error) {
    if (error instanceof ScriptError && file && !error.file) throw new ScriptError(error.message.replace(/ \(at [^)]*\)$/, ''), error.pointer, file);
    if (error instanceof ScriptError) throw error;
    throw new ScriptError((error as Error).message, '', file);
  }
}

/** Reads and checks a YAML (or JSON) script file. */
export async function loadScript(file: string): Promise<SimScript> {
  const info = await stat(file);
  if (info.size > LIMITS.bytes) throw new ScriptError(`script is larger than ${LIMITS.bytes} bytes`, '', file);
  const source = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = parseYaml(source, { maxAliasCount: 100, prettyErrors: true });
  } catch (error) {
    throw new ScriptError(`not valid YAML: ${(error as Error).message.split('\n')[0]}`, '', file);
  }
  return parseScript(value, file);
}
