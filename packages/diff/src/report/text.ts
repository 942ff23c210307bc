/** Terminal report: grouped by level, then operation; one line per finding. No colours, so output is byte-stable. */
import type { DiffReport } from '../diff.js';
import type { Finding } from '../types.js';
import { LEVELS, sections, sideText } from './group.js';

const TITLES = { breaking: 'BREAKING', warning: 'WARNING', info: 'INFO' } as const;

export function formatText(report: DiffReport): string {
  const lines: string[] = [];
  lines.push(`base: ${sideText(report.base)}`, `head: ${sideText(report.head)}`, '');
  lines.push(`verdict: ${report.verdict.bump.toUpperCase()}: ${report.verdict.reason}`);
  lines.push(`  wire: ${report.verdict.wire.bump.toUpperCase()}: ${report.verdict.wire.reason}`);
  lines.push(`  sdk:  ${report.verdict.sdk.bump.toUpperCase()}: ${report.verdict.sdk.reason}`);
  const { byLevel, sdk } = sections(report.findings);
  for (const level of LEVELS) {
    const findings = byLevel.get(level) ?? [];
    if (findings.length === 0) continue;
    lines.push('', `${TITLES[level]} (${findings.length})`);
    lines.push(...byOperation(findings));
  }
  if (sdk.length > 0) {
    lines.push('', `SDK SURFACE (${sdk.length})`);
    for (const f of sdk) lines.push(`  [${f.level}] ${f.message}  (${f.id}${f.operation === null ? '' : `, ${f.operation}`})`);
  }
  const { breaking, warning, info } = report.summary;
  const sdkBreaking = sdk.filter((f) => f.level === 'breaking').length;
  lines.push('', `${breaking} breaking, ${warning} warning, ${info} info${sdk.length > 0 ? ` (SDK surface: ${sdk.length}, ${sdkBreaking} breaking)` : ''}`);
  return `${lines.join('\n')}\n`;
}

function byOperation(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  let current: string | null | undefined;
  for (const f of findings) {
    if (f.operation !== current) {
      current = f.operation;
      lines.push(`  ${f.operation ?? '(document)'}`);
    }
    const where = f.location === '' ? '' : `${f.location}: `;
    const more = f.occurrences > 1 ? ` [+${f.occurrences - 1} more paths to ${f.origin ?? 'it'}]` : '';
    lines.push(`    ${f.id}  ${where}${f.message}${more}`);
  }
  return lines;
}
