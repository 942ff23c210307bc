/**
 * What a simulated call found: one entry per turn with its timing, every protocol violation, and the
 * printed form (transcript with timing per turn, then the verdict).
 */
export type ViolationCode =
  /** The server could not be reached or refused the upgrade. */
  | 'connect-failed'
  /** No `config` message before the timeout. */
  | 'no-config'
  /** The server's first message was not `config`. */
  | 'config-not-first'
  /** A frame that is not a JSON object. */
  | 'malformed-json'
  /** A message that does not match the spec (unknown `response_type`, missing or mistyped field). */
  | 'schema'
  /** `null` in an optional field (read as absent by Retell). */
  | 'null-field'
  /** A `response` for an id Retell never asked for, or for an earlier, finished turn. */
  | 'wrong-response-id'
  /** Content for a request that a newer one had superseded. */
  | 'superseded-answered'
  /** More `response` messages after `content_complete` for the same id. */
  | 'after-complete'
  /** No `content_complete` within the turn timeout. */
  | 'turn-timeout'
  /** No `ping_pong` answer although `auto_reconnect` is on. */
  | 'no-pong'
  /** A `tool_call_result` without its `tool_call_invocation`, or an expected tool call missing. */
  | 'tool-call'
  /** `agent_interrupt` ids going down. */
  | 'interrupt-id'
  /** The server closed the socket before the call ended. */
  | 'closed-early'
  /** An `expect` of the script was not met. */
  | 'expectation';

export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  /** The rule it checks (see `RULES`). */
  readonly rule: string;
  readonly level: 'violation' | 'warning';
  /** The step index (0-based) during which it happened; absent before the first step. */
  readonly turn?: number;
  /** JSON pointer into the offending message, when there is one. */
  readonly pointer?: string;
}

export interface TurnReport {
  /** Index in the script's `turns` (-1 for the begin message). */
  readonly index: number;
  readonly kind: 'begin' | 'user' | 'reminder';
  /** What the user said (user turns) or the silence in ms (reminders). */
  readonly said?: string;
  readonly silenceMs?: number;
  readonly responseId: number;
  /** When the request was sent, from the start of the call (ms). */
  readonly atMs: number;
  /** The agent's answer, as far as it was received before completion or interruption. */
  readonly agent: string;
  readonly chunks: number;
  /** From sending the request to the first `response` message of this id. */
  readonly firstChunkMs?: number;
  /** From sending the request to `content_complete`. */
  readonly completeMs?: number;
  readonly interrupted: boolean;
  readonly endCall: boolean;
  readonly toolCalls: readonly string[];
}

export interface SimReport {
  readonly url: string;
  readonly callId: string;
  readonly ok: boolean;
  readonly config?: Record<string, unknown>;
  readonly turns: readonly TurnReport[];
  readonly violations: readonly Violation[];
  /** Findings that do not fail the run at this strictness. */
  readonly warnings: readonly Violation[];
  readonly strictness: 'tolerant' | 'strict';
  /** Messages received from / sent to the server. */
  readonly received: number;
  readonly sent: number;
  readonly durationMs: number;
}

const ms = (v: number | undefined): string => (v === undefined ? '    -   ' : `${v.toFixed(1).padStart(6)} ms`);

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The transcript with timing per turn, the violations, and a PASS/FAIL verdict line. */
export function formatReport(report: SimReport): string {
  const lines = [`llm-sim ${report.url} (call ${report.callId})`, `  config: ${report.config ? JSON.stringify(report.config) : 'none received'}`];
  lines.push('  turn  kind       first chunk    complete  chunks  transcript');
  for (const t of report.turns) {
    const label = t.index < 0 ? ' -' : String(t.index).padStart(2);
    const said = t.kind === 'user' ? `user: ${clip(t.said ?? '')}` : t.kind === 'reminder' ? `(silence ${t.silenceMs} ms)` : '(call start)';
    const flags = [t.interrupted ? 'interrupted' : '', t.endCall ? 'end_call' : '', ...t.toolCalls.map((n) => `tool:${n}`)].filter(Boolean).join(', ');
    lines.push(`  ${label.padEnd(4)}  ${t.kind.padEnd(8)} ${ms(t.firstChunkMs)}  ${ms(t.completeMs)}  ${String(t.chunks).padStart(6)}  ${said}`);
    lines.push(`${' '.repeat(50)}agent: ${clip(t.agent)}${flags ? `  [${flags}]` : ''}`);
  }
  for (const v of [...report.violations, ...report.warnings]) {
    lines.push(`  ${v.level === 'warning' ? '⚠' : '✖'} ${v.code}${v.turn !== undefined ? ` (turn ${v.turn})` : ''}: ${v.message}${v.pointer ? ` at ${v.pointer}` : ''}  [rule: ${v.rule}]`);
  }
  const first = median(report.turns.flatMap((t) => (t.firstChunkMs === undefined ? [] : [t.firstChunkMs])));
  const complete = median(report.turns.flatMap((t) => (t.completeMs === undefined ? [] : [t.completeMs])));
  const timing = `first chunk p50 ${first === undefined ? '-' : `${first.toFixed(1)} ms`}, complete p50 ${complete === undefined ? '-' : `${complete.toFixed(1)} ms`}`;
  lines.push(
    `${report.ok ? '✔ PASS' : '✖ FAIL'}  ${report.turns.length} turn(s), ${report.violations.length} violation(s), ${report.warnings.length} warning(s) (${report.strictness}), ${report.received} messages received, ${report.sent} sent, ${timing}, ${Math.round(report.durationMs)} ms`,
  );
  return lines.join('\n');
}
