/**
 * The `execute` tool: type-check the agent's TypeScript against the SDK (diagnostics back, no request
 * sent, when it does not compile), transpile it, run it in the QuickJS sandbox with the SDK bridged.
 */
import { createApiClient, RequestBudget, type ApiCredentials } from './api-client.js';
import { SdkBridge } from './bridge.js';
import { SourceMap, type SourceMapPayload } from 'node:module';
import type { MethodDoc } from './docs.js';
import type { RequestPolicy } from './guard.js';
import type { SandboxPool } from './isolate.js';
import { DEFAULT_LIMITS, type RunOutcome, type SandboxLimits } from './sandbox.js';
import type { Checker } from './remote-checker.js';
import { formatDiagnostics, type CheckResult, type Diagnostic } from './diagnostics.js';

export const MAX_CODE_CHARS = 100_000;

export type ExecuteResult =
  | { readonly stage: 'input'; readonly message: string }
  | { readonly stage: 'typecheck'; readonly diagnostics: readonly Diagnostic[] }
  | ({ readonly stage: 'run'; readonly requests: number } & RunOutcome);

export class Executor {
  constructor(
    private readonly checker: Checker,
    private readonly pool: SandboxPool,
    /** Every method of the index: a filtered one answers "not allowed" in the sandbox, not "not a function". */
    private readonly methods: readonly MethodDoc[],
    private readonly policy: RequestPolicy,
    readonly limits: SandboxLimits = DEFAULT_LIMITS,
  ) {}

  async execute(code: string, creds: ApiCredentials): Promise<ExecuteResult> {
    if (code.length > MAX_CODE_CHARS) return { stage: 'input', message: `code too long (${code.length} characters, limit ${MAX_CODE_CHARS})` };
    if (!/\bfunction\s+run\s*\(/.test(code) && !/\b(const|let|var)\s+run\s*=/.test(code)) {
      return { stage: 'input', message: 'the code must define `async function run(client) { ... }`; its return value is the result' };
    }
    let checked: CheckResult;
    try {
      checked = await this.checker.check(code);
    } catch (error) {
      return { stage: 'input', message: `the type check failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (checked.diagnostics.length > 0 || checked.js === undefined) return { stage: 'typecheck', diagnostics: checked.diagnostics };
    // The HTTP requests of this run (pages and retries included) share one budget: the SDK-call cap.
    const budget = new RequestBudget(this.limits.maxCalls);
    const bridge = new SdkBridge(createApiClient(creds, this.policy, budget), this.methods, this.policy, this.limits.timeoutMs);
    const outcome = await this.pool.run(checked.js, this.methods.map((m) => m.id), bridge.hostCall, this.limits);
    return { stage: 'run', requests: budget.used, ...toAgentLines(outcome, checked.map) };
  }
}

/** A runtime error's JavaScript line and column → the line of the agent's TypeScript (through the source map). */
function toAgentLines(outcome: RunOutcome, map: string | undefined): RunOutcome {
  if (outcome.ok || outcome.error.line === undefined) return outcome;
  const { line, column = 1, ...rest } = outcome.error;
  let original: number | undefined;
  try {
    if (map) {
      const entry = new SourceMap(JSON.parse(map) as SourceMapPayload).findEntry(line - 1, Math.max(0, column - 1)) as { originalLine?: number };
      if (typeof entry.originalLine === 'number') original = entry.originalLine + 1;
    }
  } catch {
    original = undefined;
  }
  return original === undefined ? { ...outcome, error: rest } : { ...outcome, error: { ...rest, line: original } };
}

/** The tool's text answer: the value, the console output, or what went wrong. */
export function describeExecution(result: ExecuteResult): { text: string; isError: boolean } {
  switch (result.stage) {
    case 'input':
      return { text: `Not run: ${result.message}`, isError: true };
    case 'typecheck':
      return { text: `Not run (no request was sent): the code does not type-check against the SDK.\n${formatDiagnostics(result.diagnostics)}`, isError: true };
    case 'run': {
      const parts: string[] = [];
      if (result.ok) parts.push(`Result${result.truncated ? ' (truncated)' : ''}:`, '```json', typeof result.value === 'string' && result.truncated ? result.value : JSON.stringify(result.value, null, 2) ?? 'undefined', '```');
      else {
        const e = result.error;
        parts.push(`Error: ${e.name}: ${e.message}${e.line !== undefined ? ` (line ${e.line})` : ''}`);
        if (e.status !== undefined) parts.push(`status: ${e.status}`, 'body:', '```json', JSON.stringify(e.body, null, 2) ?? 'null', '```');
      }
      if (result.console) parts.push('Console output:', '```', result.console.trimEnd(), '```');
      parts.push(`(${result.calls} SDK call${result.calls === 1 ? '' : 's'}, ${result.requests} HTTP request${result.requests === 1 ? '' : 's'}, ${result.ms} ms)`);
      return { text: parts.join('\n'), isError: !result.ok };
    }
  }
}
