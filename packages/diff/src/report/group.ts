/** Grouping shared by the text and Markdown reports: findings by level, the SDK surface apart. */
import type { Finding, Level } from '../types.js';

export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

export interface Sections {
  readonly byLevel: ReadonlyMap<Level, readonly Finding[]>;
  readonly sdk: readonly Finding[];
}

/** Findings arrive sorted (engine.ts); grouping keeps that order. */
export function sections(findings: readonly Finding[]): Sections {
  const byLevel = new Map<Level, Finding[]>(LEVELS.map((l) => [l, []]));
  const sdk: Finding[] = [];
  for (const finding of findings) {
    if (finding.area === 'sdk') sdk.push(finding);
    else byLevel.get(finding.level)?.push(finding);
  }
  return { byLevel, sdk };
}

type Side = { readonly source: string; readonly openapi: string; readonly version: string | null };

export function sideDetails(side: Side): string {
  return `OpenAPI ${side.openapi}${side.version === null ? '' : `, version ${side.version}`}`;
}

export function sideText(side: Side): string {
  return `${side.source} (${sideDetails(side)})`;
}
