/**
 * Markdown report for a PR comment / job summary: verdict first, counts, then one table per level
 * (info collapsed), then the SDK surface. Long info tables are cut to stay under GitHub's comment limit;
 * the JSON report always has everything.
 */
import type { DiffReport } from '../diff.js';
import type { Finding } from '../types.js';
import { sections, sideDetails } from './group.js';

const MAX_INFO_ROWS = 250;
const EMOJI = { major: '🔴', minor: '🟡', patch: '🟢' } as const;

export function formatMarkdown(report: DiffReport): string {
  const { byLevel, sdk } = sections(report.findings);
  const out: string[] = [];
  out.push(`## ${EMOJI[report.verdict.bump]} Spec diff: ${report.verdict.bump}`, '');
  out.push(`> ${escape(report.verdict.reason)}`, '');
  out.push('| surface | verdict | why |', '|---|---|---|');
  out.push(`| wire (HTTP contract) | ${report.verdict.wire.bump} | ${escape(report.verdict.wire.reason)} |`);
  out.push(`| SDK surface (generated names and types) | ${report.verdict.sdk.bump} | ${escape(report.verdict.sdk.reason)} |`, '');
  out.push(`- base: \`${report.base.source}\` (${sideDetails(report.base)})`);
  out.push(`- head: \`${report.head.source}\` (${sideDetails(report.head)})`, '');
  const breaking = byLevel.get('breaking') ?? [];
  const warning = byLevel.get('warning') ?? [];
  const info = byLevel.get('info') ?? [];
  const sdkCount = (level: Finding['level']) => sdk.filter((f) => f.level === level).length;
  out.push('| | breaking | warning | info |', '|---|---:|---:|---:|', `| API | ${breaking.length} | ${warning.length} | ${info.length} |`);
  if (sdk.length > 0) out.push(`| SDK surface | ${sdkCount('breaking')} | ${sdkCount('warning')} | ${sdkCount('info')} |`);
  if (breaking.length > 0) out.push('', `### Breaking changes (${breaking.length})`, '', ...table(breaking));
  if (warning.length > 0) out.push('', `### Warnings (${warning.length})`, '', ...table(warning));
  if (info.length > 0) {
    out.push('', `<details><summary>Info (${info.length})</summary>`, '', ...table(info.slice(0, MAX_INFO_ROWS)));
    if (info.length > MAX_INFO_ROWS) out.push('', `… and ${info.length - MAX_INFO_ROWS} more (see \`--format json\`).`);
    out.push('', '</details>');
  }
  if (sdk.length > 0) {
    out.push('', `### SDK surface (${sdk.length})`, '', '| level | method | change | rule |', '|---|---|---|---|');
    for (const f of sdk) out.push(`| ${f.level} | ${f.sdk.map((m) => `\`${m}\``).join(', ')} | ${escape(f.message)} | \`${f.id}\` |`);
  }
  if (report.findings.length === 0) out.push('', 'No changes to the API surface.');
  return `${out.join('\n')}\n`;
}

function table(findings: readonly Finding[]): string[] {
  const rows = ['| operation | where | change | rule |', '|---|---|---|---|'];
  for (const f of findings) {
    const more = f.occurrences > 1 ? ` (+${f.occurrences - 1} paths to \`${f.origin ?? ''}\`)` : '';
    const where = f.location === '' ? '' : `\`${f.location}\`${more}`;
    rows.push(`| ${f.operation === null ? '' : `\`${f.operation}\``} | ${escape(where)} | ${escape(f.message)} | \`${f.id}\` |`);
  }
  return rows;
}

/** Pipes end a table cell and newlines end a row. */
function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
