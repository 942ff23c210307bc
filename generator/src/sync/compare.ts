/**
 * Compares an SDK release's surface with the curated spec's. Each finding says which way the spec is off:
 * `missing` (the release has it, the spec does not), `changed` (both have it, the facts differ) or `extra`
 * (the spec has it, the release does not). Missing and changed facts, and methods the release dropped,
 * mean the spec is behind; extra fields are reported but may be deliberate (the spec can document more
 * than the SDK types).
 */
import type { ApiSurface, FieldFact, MethodFact } from './surface.js';

export type FindingKind =
  | 'method-added'
  | 'method-removed'
  | 'method-moved'
  | 'positional-changed'
  | 'type-name-changed'
  | 'field-added'
  | 'field-removed'
  | 'field-retyped'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'multipart-convention';

export interface Finding {
  readonly kind: FindingKind;
  readonly direction: 'missing' | 'changed' | 'extra';
  /** True when this finding alone means the spec is behind the release. */
  readonly behind: boolean;
  /** `agent.create`; absent for findings about the whole API (multipart convention). */
  readonly method?: string;
  /** `params` or `response` for field findings. */
  readonly side?: 'params' | 'response';
  /** The field path for field findings. */
  readonly path?: string;
  /** What the release says and what the spec says, as short text. */
  readonly sdk?: string;
  readonly spec?: string;
}

export interface SyncReport {
  readonly sdk: string;
  readonly spec: string;
  readonly findings: readonly Finding[];
  readonly counts: {
    readonly sdkMethods: number;
    readonly specMethods: number;
    readonly matchedMethods: number;
    readonly sdkFields: number;
    readonly presentFields: number;
  };
  readonly behind: boolean;
}

export function compareSurfaces(sdk: ApiSurface, spec: ApiSurface): SyncReport {
  const findings: Finding[] = [];
  const specById = new Map(spec.methods.map((m) => [m.id, m]));
  const sdkIds = new Set(sdk.methods.map((m) => m.id));
  let matched = 0;
  let sdkFields = 0;
  let present = 0;

  for (const upstream of sdk.methods) {
    const ours = specById.get(upstream.id);
    sdkFields += upstream.params.length + upstream.response.length;
    if (!ours) {
      findings.push({ kind: 'method-added', direction: 'missing', behind: true, method: upstream.id, sdk: `${upstream.verb} ${upstream.rawRoute}` });
      continue;
    }
    matched++;
    if (upstream.route !== ours.route || upstream.verb !== ours.verb) {
      findings.push({
        kind: 'method-moved',
        direction: 'changed',
        behind: true,
        method: upstream.id,
        sdk: `${upstream.verb} ${upstream.rawRoute}`,
        spec: `${ours.verb} ${ours.rawRoute}`,
      });
    }
    if (upstream.positional.length !== ours.positional.length) {
      findings.push({
        kind: 'positional-changed',
        direction: 'changed',
        behind: true,
        method: upstream.id,
        sdk: `(${upstream.positional.join(', ')})`,
        spec: `(${ours.positional.join(', ')})`,
      });
    }
    for (const [label, a, b] of [
      ['params type', upstream.paramsType, ours.paramsType],
      ['response type', upstream.responseType, ours.responseType],
    ] as const) {
      // The spec always names a params type (even for methods without params); compare only what the release names.
      if (a !== undefined && a !== b) {
        findings.push({ kind: 'type-name-changed', direction: 'changed', behind: true, method: upstream.id, sdk: `${label} ${a}`, spec: `${label} ${b ?? '(none)'}` });
      }
    }
    present += compareFields(upstream, ours, 'params', findings) + compareFields(upstream, ours, 'response', findings);
  }
  for (const ours of spec.methods) {
    if (!sdkIds.has(ours.id)) {
      findings.push({ kind: 'method-removed', direction: 'extra', behind: true, method: ours.id, spec: `${ours.verb} ${ours.rawRoute}` });
    }
  }

  const usesMultipart = sdk.methods.some((m) => m.multipart);
  for (const part of ['arrays', 'objects', 'fileArrays'] as const) {
    const a = sdk.multipart[part];
    const b = spec.multipart[part];
    if (usesMultipart && a !== 'unknown' && b !== 'unknown' && a !== b) {
      findings.push({ kind: 'multipart-convention', direction: 'changed', behind: true, path: part, sdk: a, spec: b });
    }
  }

  return {
    sdk: sdk.source,
    spec: spec.source,
    findings,
    counts: {
      sdkMethods: sdk.methods.length,
      specMethods: spec.methods.length,
      matchedMethods: matched,
      sdkFields,
      presentFields: present,
    },
    behind: findings.some((f) => f.behind),
  };
}

/** Adds the field findings of one side of a matched method; returns how many release fields the spec has. */
function compareFields(upstream: MethodFact, ours: MethodFact, side: 'params' | 'response', findings: Finding[]): number {
  const theirs = upstream[side];
  const mine = new Map(ours[side].map((f) => [f.path, f]));
  const method = upstream.id;
  let present = 0;
  for (const field of theirs) {
    const own = mine.get(field.path);
    if (!own) {
      findings.push({ kind: 'field-added', direction: 'missing', behind: true, method, side, path: field.path, sdk: kindText(field) });
      continue;
    }
    present++;
    if (retyped(field, own)) {
      findings.push({ kind: 'field-retyped', direction: 'changed', behind: true, method, side, path: field.path, sdk: kindText(field), spec: kindText(own) });
    }
    if (field.enum && own.enum) {
      const added = field.enum.filter((v) => !own.enum!.includes(v));
      const removed = own.enum.filter((v) => !field.enum!.includes(v));
      if (added.length > 0) findings.push({ kind: 'enum-values-added', direction: 'missing', behind: true, method, side, path: field.path, sdk: added.map(String).join(', ') });
      if (removed.length > 0) findings.push({ kind: 'enum-values-removed', direction: 'extra', behind: false, method, side, path: field.path, spec: removed.map(String).join(', ') });
    }
  }
  const theirPaths = new Set(theirs.map((f) => f.path));
  for (const own of ours[side]) {
    // Only where the release walks as deep: a field under one the release types loosely is not "removed".
    if (!theirPaths.has(own.path) && parentKnown(own.path, theirPaths)) {
      findings.push({ kind: 'field-removed', direction: 'extra', behind: false, method, side, path: own.path, spec: kindText(own) });
    }
  }
  return present;
}

function parentKnown(fieldPath: string, paths: ReadonlySet<string>): boolean {
  const cut = fieldPath.lastIndexOf('.');
  if (cut < 0) return true;
  return paths.has(fieldPath.slice(0, cut).replace(/(\[\])+$/, ''));
}

/** Kinds differ once `unknown` (either side) and nullability are set aside; nullability is a curation detail of its own. */
function retyped(a: FieldFact, b: FieldFact): boolean {
  if (a.kinds.includes('unknown') || b.kinds.includes('unknown')) return false;
  const strip = (kinds: readonly string[]) => kinds.filter((k) => k !== 'null').join('|');
  return strip(a.kinds) !== strip(b.kinds);
}

function kindText(f: FieldFact): string {
  return f.enum ? `${f.kinds.join(' | ')} (${f.enum.map((v) => JSON.stringify(v)).join(', ')})` : f.kinds.join(' | ');
}
