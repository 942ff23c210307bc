/**
 * The semver verdicts. Two surfaces are judged apart: the wire (the HTTP contract: what a raw HTTP or
 * untyped client sees) and the SDK surface (names and types of the generated clients). A component
 * renamed without any structural change is SDK-major and wire-patch. Per surface: major when anything
 * breaks, minor when something was added or may surprise clients (warnings), patch otherwise; the
 * overall bump is the larger of the two. Reasons name the count and the first finding that decided.
 */
import type { Bump, Finding, Surface } from './types.js';

export interface SurfaceVerdict {
  readonly bump: Bump;
  readonly reason: string;
}

export interface Verdict extends SurfaceVerdict {
  readonly wire: SurfaceVerdict;
  readonly sdk: SurfaceVerdict;
}

const RANK: Record<Bump, number> = { major: 2, minor: 1, patch: 0 };

export function verdictOf(findings: readonly Finding[]): Verdict {
  const wire = surfaceVerdict(findings.filter((f) => f.surface === 'wire'), 'wire');
  const sdk = surfaceVerdict(findings.filter((f) => f.surface === 'sdk'), 'sdk');
  const overall = surfaceVerdict(findings, null);
  return { bump: RANK[wire.bump] >= RANK[sdk.bump] ? wire.bump : sdk.bump, reason: overall.reason, wire, sdk };
}

function surfaceVerdict(findings: readonly Finding[], surface: Surface | null): SurfaceVerdict {
  const what = surface === 'wire' ? ' to the wire' : surface === 'sdk' ? ' to the SDK surface' : '';
  const breaking = findings.filter((f) => f.level === 'breaking');
  if (breaking.length > 0) return { bump: 'major', reason: `${plural(breaking.length, 'breaking change')}${what}, first: ${describe(breaking[0] as Finding)}` };
  const minor = findings.filter((f) => f.bump === 'minor' || f.level === 'warning');
  if (minor.length > 0) {
    const warnings = minor.filter((f) => f.level === 'warning').length;
    const tail = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
    return { bump: 'minor', reason: `${plural(minor.length, 'compatible change')}${what}${tail}, first: ${describe(minor[0] as Finding)}` };
  }
  if (findings.length > 0) return { bump: 'patch', reason: `${plural(findings.length, 'documentation-level change')}${what} only` };
  return { bump: 'patch', reason: `no changes${what === '' ? ' to the API surface' : what}` };
}

function describe(finding: Finding): string {
  const where = finding.operation === null ? finding.location : `${finding.operation} ${finding.location}`.trim();
  return `${finding.id} at ${where}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
