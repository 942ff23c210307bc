/**
 * The semver verdict: major when anything breaks, minor when something was added or may surprise
 * clients (warnings), patch otherwise. The reason names the count and the first finding that decided.
 */
import type { Bump, Finding } from './types.js';

export interface Verdict {
  readonly bump: Bump;
  readonly reason: string;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const breaking = findings.filter((f) => f.level === 'breaking');
  if (breaking.length > 0) return { bump: 'major', reason: `${plural(breaking.length, 'breaking change')}, first: ${describe(breaking[0] as Finding)}` };
  const minor = findings.filter((f) => f.bump === 'minor' || f.level === 'warning');
  if (minor.length > 0) {
    const warnings = minor.filter((f) => f.level === 'warning').length;
    const tail = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
    return { bump: 'minor', reason: `${plural(minor.length, 'compatible change')}${tail}, first: ${describe(minor[0] as Finding)}` };
  }
  if (findings.length > 0) return { bump: 'patch', reason: `${plural(findings.length, 'documentation-level change')} only` };
  return { bump: 'patch', reason: 'no changes to the API surface' };
}

function describe(finding: Finding): string {
  const where = finding.operation === null ? finding.location : `${finding.operation} ${finding.location}`.trim();
  return `${finding.id} at ${where}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
