/**
 * The sync report in three forms: `text` for a terminal, `markdown` for a pull request body, `json` for
 * tools. All three list the same findings in the same order (method, then side, then field path).
 */
import type { Finding, FindingKind, SyncReport } from './compare.js';

export type ReportFormat = 'text' | 'markdown' | 'json';

const SECTIONS: readonly { kind: FindingKind; title: string }[] = [
  { kind: 'method-added', title: 'Methods the release has and the spec lacks' },
  { kind: 'method-removed', title: 'Methods the spec has and the release dropped' },
  { kind: 'method-moved', title: 'Methods whose route or verb moved' },
  { kind: 'positional-changed', title: 'Methods whose positional arguments changed' },
  { kind: 'type-name-changed', title: 'Methods whose params or response type name differs' },
  { kind: 'multipart-convention', title: 'Multipart wire convention' },
  { kind: 'field-added', title: 'Fields the release has and the spec lacks' },
  { kind: 'field-retyped', title: 'Fields whose type differs' },
  { kind: 'enum-values-added', title: 'Enum values the release added' },
  { kind: 'enum-values-removed', title: 'Enum values the spec has and the release does not (not counted as behind)' },
  { kind: 'field-removed', title: 'Fields the spec has and the release does not type (not counted as behind)' },
];

function percent(report: SyncReport): string {
  const { sdkFields, presentFields } = report.counts;
  return sdkFields === 0 ? '100.0' : ((presentFields / sdkFields) * 100).toFixed(1);
}

function summary(report: SyncReport): string[] {
  const c = report.counts;
  const behind = report.findings.filter((f) => f.behind).length;
  return [
    `methods: ${c.matchedMethods}/${c.sdkMethods} of the release's methods are in the spec (spec has ${c.specMethods})`,
    `fields: ${c.presentFields}/${c.sdkFields} of the release's params and response field paths are in the spec (${percent(report)}%)`,
    report.behind ? `verdict: the spec is BEHIND ${report.sdk} (${behind} finding${behind === 1 ? '' : 's'})` : `verdict: the spec is in step with ${report.sdk}`,
  ];
}

function line(f: Finding): string {
  const where = [f.method, f.side, f.path].filter(Boolean).join(' ');
  const facts = [f.sdk !== undefined ? `release: ${f.sdk}` : '', f.spec !== undefined ? `spec: ${f.spec}` : ''].filter(Boolean).join('; ');
  return facts ? `${where}: ${facts}` : where;
}

export function formatReport(report: SyncReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const md = format === 'markdown';
  const out: string[] = [];
  out.push(md ? `## retell-kit sync: ${report.sdk} vs ${report.spec}` : `retell-kit sync: ${report.sdk} vs ${report.spec}`, '');
  out.push(...summary(report).map((l) => (md ? `- ${l}` : l)));
  for (const section of SECTIONS) {
    const items = report.findings.filter((f) => f.kind === section.kind);
    if (items.length === 0) continue;
    out.push('', md ? `### ${section.title} (${items.length})` : `${section.title} (${items.length}):`, '');
    for (const f of items) out.push(md ? `- \`${line(f).replace(/`/g, "'")}\`` : `  ${line(f)}`);
  }
  return `${out.join('\n')}\n`;
}
