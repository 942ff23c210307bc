/**
 * JSON report: the `DiffReport` object as is (schema documented in docs/spec-diff.md, versioned by
 * `schemaVersion`). Keys are emitted in a fixed order and findings are already sorted.
 */
import type { DiffReport } from '../diff.js';

export function formatJson(report: DiffReport): string {
  const ordered = {
    schemaVersion: report.schemaVersion,
    base: report.base,
    head: report.head,
    verdict: report.verdict,
    summary: report.summary,
    findings: report.findings.map((f) => ({
      id: f.id,
      level: f.level,
      direction: f.direction,
      area: f.area,
      surface: f.surface,
      bump: f.bump,
      operation: f.operation,
      location: f.location,
      origin: f.origin,
      occurrences: f.occurrences,
      message: f.message,
      sdk: f.sdk,
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
