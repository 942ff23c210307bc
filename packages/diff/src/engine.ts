/**
 * Runs the checks over the structural changes and turns their emissions into findings: the catalog
 * supplies level, direction, area and bump; messages.ts the text. Findings are de-duplicated (a change
 * reached along two schema paths of one operation is one finding) and sorted, so output is stable.
 */
import { CHECKS } from './checks/index.js';
import type { Check } from './checks/check.js';
import { sdkTypes, sdkTypesRules } from './checks/sdk-types.js';
import { ruleById, type RuleId } from './rules/catalog.js';
import type { Rule } from './rules/rule.js';
import { effectiveLevel, type SeverityOverrides } from './rules/severity.js';
import { renderMessage } from './rules/messages.js';
import type { Change, Finding, Level, OperationRef, SdkMethod, Subject, Surface } from './types.js';

export type SdkLookup = (operation: OperationRef) => readonly SdkMethod[];

const LEVEL_RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

export function evaluate(changes: readonly Change[], sdkOf: SdkLookup, overrides?: SeverityOverrides, checks: readonly Check[] = CHECKS): Finding[] {
  const bySubject = new Map<Subject, Check[]>();
  for (const check of checks) for (const subject of check.subjects) bySubject.set(subject, [...(bySubject.get(subject) ?? []), check]);

  const findings: Finding[] = [];
  for (const change of changes) {
    const sdk = change.operation === null ? [] : sdkOf(change.operation).map((m) => `${m.resource}.${m.method}`);
    for (const check of bySubject.get(change.fact.subject) ?? []) {
      for (const emission of check.run(change)) {
        if (!check.rules.includes(emission.rule)) throw new Error(`check ${check.name} fired ${emission.rule}, which it does not declare`);
        const finding = toFinding(emission.rule, emission.params, operationText(change.operation), change.location, change.origin, sdk, overrides);
        if (finding !== null) findings.push(finding);
      }
    }
  }
  const unique = collapse(findings);
  return sortFindings([...unique, ...deriveSdkTypeFindings(changes, unique, sdkOf, overrides)]);
}

function deriveSdkTypeFindings(changes: readonly Change[], findings: readonly Finding[], sdkOf: SdkLookup, overrides: SeverityOverrides | undefined): Finding[] {
  const operations = new Map<string, OperationRef>();
  for (const change of changes) if (change.operation !== null) operations.set(operationText(change.operation) ?? '', change.operation);
  const byOperation = new Map<string, Finding[]>();
  for (const finding of findings) if (finding.operation !== null) byOperation.set(finding.operation, [...(byOperation.get(finding.operation) ?? []), finding]);
  const out: Finding[] = [];
  for (const [text, operation] of operations) {
    const methods = sdkOf(operation);
    if (methods.length === 0) continue;
    const sdk = methods.map((m) => `${m.resource}.${m.method}`);
    for (const emission of sdkTypes(methods, byOperation.get(text) ?? [])) {
      if (!sdkTypesRules.includes(emission.rule)) throw new Error(`sdk-types fired ${emission.rule}, which it does not declare`);
      const finding = toFinding(emission.rule, emission.params, text, `sdk.${emission.method.resource}.${emission.method.method}`, null, sdk, overrides);
      if (finding !== null) out.push(finding);
    }
  }
  return out;
}

function toFinding(
  id: RuleId,
  params: Readonly<Record<string, string>>,
  operation: string | null,
  location: string,
  origin: string | null,
  sdk: readonly string[],
  overrides: SeverityOverrides | undefined,
): Finding | null {
  const rule = ruleById(id);
  const effective = effectiveLevel(rule, overrides);
  if (effective === null) return null;
  const message = renderMessage(id, params);
  const { level, bump } = effective;
  return { id, level, direction: rule.direction, area: rule.area, surface: surfaceOf(rule), bump, operation, location, origin, occurrences: 1, message, sdk };
}

/**
 * Which verdict a rule counts towards. The SDK surface is what the generated clients export: facade
 * methods and their params/response types, exported type names, and path-client function names
 * (operationId). Everything else is the HTTP contract.
 */
export function surfaceOf(rule: Rule): Surface {
  return rule.area === 'sdk' || rule.id === 'operation-id-changed' ? 'sdk' : 'wire';
}

export function operationText(operation: OperationRef | null): string | null {
  return operation === null ? null : `${operation.method} ${operation.path}`;
}

/**
 * One finding per change per operation: a fact inside a component (same origin) reached along several
 * schema paths of one operation is reported once, at its shortest location, with the number of paths.
 */
function collapse(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.id}\u0000${f.operation ?? ''}\u0000${f.origin ?? f.location}\u0000${f.message}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [f]);
    else group.push(f);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const locations = [...new Set(group.map((f) => f.location))];
    const shortest = locations.reduce((a, b) => (b.length < a.length || (b.length === a.length && b < a) ? b : a));
    out.push({ ...(group[0] as Finding), location: shortest, occurrences: locations.length });
  }
  return out;
}

/** Level, then path, then method, then location, then rule id: the order every format prints. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const opKey = (f: Finding): string => {
    if (f.operation === null) return '';
    const space = f.operation.indexOf(' ');
    return `${f.operation.slice(space + 1)} ${f.operation.slice(0, space)}`;
  };
  return [...findings].sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      compare(opKey(a), opKey(b)) ||
      compare(a.location, b.location) ||
      compare(a.id, b.id) ||
      compare(a.message, b.message) ||
      compare(a.origin ?? '', b.origin ?? ''),
  );
}

/** Code-unit order, not locale order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
