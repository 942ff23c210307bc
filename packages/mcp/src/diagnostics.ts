/**
 * Type-check findings as the `execute` tool reports them. Kept apart from typecheck.ts so the server's
 * main thread never loads TypeScript (it runs on the checker's worker thread).
 */
export interface Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `line ${d.line}:${d.column} TS${d.code}: ${d.message}`).join('\n');
}

/** What the checker answers: the findings, and the JavaScript to run when there are none. */
export interface CheckResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly js?: string;
  /** Source map of `js` to the agent's TypeScript (JSON text). */
  readonly map?: string;
}
