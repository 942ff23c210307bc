/**
 * `@retell-kit/llm-socket`: Retell's custom-LLM WebSocket, both sides.
 * - `createLlmSocketHandler()`: your server; keeps the protocol rules and hands you typed sessions.
 * - `simulateCall()` (and the `retell-kit-llm-sim` bin): plays Retell's side against any such server,
 *   checks every message against the spec and times each turn.
 */
export { createLlmSocketHandler } from './handler/handler.js';
export type { AuthorizeResult, LlmSocketHandler, LlmSocketHandlerOptions, ListenOptions, Turn, TurnCallback } from './handler/handler.js';
export { CLOSE_BACKPRESSURE, CLOSE_REPLACED, DEFAULT_BACKPRESSURE, LlmSession } from './handler/session.js';
export type { Backpressure } from './handler/session.js';
export { ResponseStream } from './handler/stream.js';
export type { ResponseChunk, ResponseSource } from './handler/stream.js';
export { DEFAULT_PATH } from './handler/path.js';
export { LlmSocketError } from './protocol/errors.js';
export type { LlmSocketErrorCode, LlmSocketSeverity } from './protocol/errors.js';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD, parseFrame } from './protocol/parse.js';
export { checkLlmMessage, checkRetellMessage, inspectLlmMessage, readRetellMessage, unknownFields, warmUp } from './protocol/validate.js';
export type { CheckedLlmMessage, Tolerated } from './protocol/validate.js';
export { stripNulls } from './protocol/tolerate.js';
export type * from './protocol/types.js';
export { callUrl, simulateCall } from './sim/simulate.js';
export { RULES } from './sim/rules.js';
export type { Level, Rule, Strictness } from './sim/rules.js';
export { formatHtml, formatMarkdown } from './sim/report-formats.js';
export { createRecorder, parseRecording, recordedAgentTurns, recordingToScript, transcriptToScript } from './sim/recording.js';
export type { RecordedFrame } from './sim/recording.js';
export type { SimulateOptions } from './sim/simulate.js';
export { DEFAULT_SCRIPT, parseScript, loadScript } from './sim/script.js';
export type { SimScript, SimStep } from './sim/script.js';
export { formatReport } from './sim/report.js';
export type { SimReport, TurnReport, Violation, ViolationCode } from './sim/report.js';
export { runLlmSimCli, LLM_SIM_USAGE } from './sim/cli-run.js';
export { ScriptError } from './sim/script.js';
export type { TurnExpect } from './sim/script.js';
