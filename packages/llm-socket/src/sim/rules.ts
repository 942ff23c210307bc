/**
 * The rules the simulator checks, each with the level it is reported at. Two strictness levels:
 * `tolerant` (the default) is what Retell's platform accepts from a server; `strict` is what the
 * protocol documentation asks for. A finding is a violation (the run fails) or a warning (reported,
 * the run passes); its message names the rule, so a report says why something was flagged.
 */
import type { ViolationCode } from './report.js';

export type Strictness = 'tolerant' | 'strict';
export type Level = 'violation' | 'warning' | 'off';

export interface Rule {
  /** What the protocol says, in one line; quoted in every finding of this code. */
  readonly rule: string;
  readonly tolerant: Level;
  readonly strict: Level;
}

export const RULES: Readonly<Record<ViolationCode, Rule>> = {
  'connect-failed': { rule: 'Retell must be able to open the WebSocket at the agent URL with the call id', tolerant: 'violation', strict: 'violation' },
  'no-config': { rule: 'the config message is optional; without it every option is off', tolerant: 'off', strict: 'warning' },
  'config-not-first': { rule: 'config, when sent, is usually the first message', tolerant: 'warning', strict: 'violation' },
  'malformed-json': { rule: 'every frame is a JSON object', tolerant: 'violation', strict: 'violation' },
  schema: { rule: 'every message matches its response_type schema', tolerant: 'violation', strict: 'violation' },
  'null-field': { rule: 'optional fields are omitted, not null (Retell reads null as absent)', tolerant: 'off', strict: 'warning' },
  'wrong-response-id': { rule: 'a response carries the response_id of a request Retell sent', tolerant: 'violation', strict: 'violation' },
  'superseded-answered': { rule: 'replies with an outdated response_id are ignored by Retell', tolerant: 'warning', strict: 'warning' },
  'after-complete': { rule: 'content_complete is set on the last message of a response', tolerant: 'violation', strict: 'violation' },
  'turn-timeout': { rule: 'every response_required or reminder_required is answered up to content_complete', tolerant: 'violation', strict: 'violation' },
  'no-pong': { rule: 'with auto_reconnect on, every ping_pong is answered', tolerant: 'violation', strict: 'violation' },
  'tool-call': { rule: 'a tool_call_result follows its tool_call_invocation', tolerant: 'violation', strict: 'violation' },
  'interrupt-id': { rule: 'agent_interrupt ids only go up', tolerant: 'violation', strict: 'violation' },
  'closed-early': { rule: 'the server keeps the socket open until the call ends (or hangs up with end_call)', tolerant: 'violation', strict: 'violation' },
  expectation: { rule: 'the script\'s expect', tolerant: 'violation', strict: 'violation' },
};

export function levelOf(code: ViolationCode, strictness: Strictness): Level {
  return RULES[code][strictness];
}
