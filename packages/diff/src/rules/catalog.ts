/**
 * The rule catalog, as data. One row per rule: which direction it concerns, how severe it is for
 * existing clients, and which semver bump it asks for. Checks (`../checks/*.ts`) pick the rule id; the
 * engine looks the rest up here; `messages.ts` renders it. Direction drives severity: what the server
 * accepts may only widen, what it returns may only narrow. Our clients are generated with closed unions
 * and literal types, so a response enum value, union branch or const that a client has never seen is
 * breaking too (exhaustive switches and assignments stop compiling); teams with untyped clients lower
 * those with a severity file (`--severity-config`, see severity.ts). Every level here is a default.
 */
import type { Rule } from './rule.js';

const PARAM_WAIVER = 'parameters are only sent by the client; response headers have their own rules';
const BODY_WAIVER = 'presence of a request body has no response analogue (responses are matched by status)';
const SECURITY_WAIVER = 'security requirements constrain requests only';

export const RULES = [
  // Operations and routes
  { id: 'operation-added', level: 'info', direction: 'none', area: 'operation', kind: 'operation', action: 'added', bump: 'minor' },
  { id: 'operation-removed', level: 'breaking', direction: 'none', area: 'operation', kind: 'operation', action: 'removed', bump: 'major' },
  { id: 'operation-deprecated', level: 'info', direction: 'none', area: 'operation', kind: 'deprecation', action: 'added', bump: 'patch' },
  { id: 'operation-undeprecated', level: 'info', direction: 'none', area: 'operation', kind: 'deprecation', action: 'removed', bump: 'patch' },
  { id: 'operation-id-changed', level: 'warning', direction: 'none', area: 'operation', kind: 'operation-id', action: 'changed', bump: 'minor' },
  { id: 'operation-docs-changed', level: 'info', direction: 'none', area: 'operation', kind: 'docs', action: 'changed', bump: 'patch' },
  { id: 'server-added', level: 'info', direction: 'none', area: 'operation', kind: 'server', action: 'added', bump: 'minor' },
  { id: 'server-removed', level: 'warning', direction: 'none', area: 'operation', kind: 'server', action: 'removed', bump: 'minor' },
  { id: 'path-parameter-renamed', level: 'info', direction: 'none', area: 'operation', kind: 'path-template', action: 'renamed', bump: 'patch' },

  // Parameters (path, query, header, cookie)
  { id: 'request-parameter-added-required', level: 'breaking', direction: 'request', area: 'parameter', kind: 'parameter', action: 'added-required', bump: 'major', waiver: PARAM_WAIVER },
  { id: 'request-parameter-added-optional', level: 'info', direction: 'request', area: 'parameter', kind: 'parameter', action: 'added-optional', bump: 'minor', waiver: PARAM_WAIVER },
  { id: 'request-parameter-removed', level: 'warning', direction: 'request', area: 'parameter', kind: 'parameter', action: 'removed', bump: 'minor', waiver: PARAM_WAIVER },
  { id: 'request-parameter-became-required', level: 'breaking', direction: 'request', area: 'parameter', kind: 'required', action: 'added', bump: 'major', waiver: PARAM_WAIVER },
  { id: 'request-parameter-became-optional', level: 'info', direction: 'request', area: 'parameter', kind: 'required', action: 'removed', bump: 'minor', waiver: PARAM_WAIVER },
  { id: 'request-parameter-deprecated', level: 'info', direction: 'request', area: 'parameter', kind: 'deprecation', action: 'added', bump: 'patch', waiver: PARAM_WAIVER },
  { id: 'request-parameter-serialization-changed', level: 'warning', direction: 'request', area: 'parameter', kind: 'style', action: 'changed', bump: 'minor', waiver: PARAM_WAIVER },

  // Request bodies
  { id: 'request-body-added-required', level: 'breaking', direction: 'request', area: 'request-body', kind: 'body', action: 'added-required', bump: 'major', waiver: BODY_WAIVER },
  { id: 'request-body-added-optional', level: 'info', direction: 'request', area: 'request-body', kind: 'body', action: 'added-optional', bump: 'minor', waiver: BODY_WAIVER },
  { id: 'request-body-removed', level: 'warning', direction: 'request', area: 'request-body', kind: 'body', action: 'removed', bump: 'minor', waiver: BODY_WAIVER },
  { id: 'request-body-became-required', level: 'breaking', direction: 'request', area: 'request-body', kind: 'required', action: 'added', bump: 'major', waiver: BODY_WAIVER },
  { id: 'request-body-became-optional', level: 'info', direction: 'request', area: 'request-body', kind: 'required', action: 'removed', bump: 'minor', waiver: BODY_WAIVER },
  { id: 'request-media-type-added', level: 'info', direction: 'request', area: 'request-body', kind: 'media-type', action: 'added', bump: 'minor' },
  { id: 'request-media-type-removed', level: 'breaking', direction: 'request', area: 'request-body', kind: 'media-type', action: 'removed', bump: 'major' },

  // Responses and response headers
  { id: 'response-media-type-added', level: 'info', direction: 'response', area: 'response', kind: 'media-type', action: 'added', bump: 'minor' },
  { id: 'response-media-type-removed', level: 'breaking', direction: 'response', area: 'response', kind: 'media-type', action: 'removed', bump: 'major' },
  { id: 'response-success-status-added', level: 'info', direction: 'response', area: 'response', kind: 'success-status', action: 'added', bump: 'minor' },
  { id: 'response-success-status-removed', level: 'breaking', direction: 'response', area: 'response', kind: 'success-status', action: 'removed', bump: 'major' },
  { id: 'response-error-status-added', level: 'info', direction: 'response', area: 'response', kind: 'error-status', action: 'added', bump: 'minor' },
  { id: 'response-error-status-removed', level: 'warning', direction: 'response', area: 'response', kind: 'error-status', action: 'removed', bump: 'minor' },
  { id: 'response-header-added', level: 'info', direction: 'response', area: 'header', kind: 'header', action: 'added', bump: 'minor' },
  { id: 'response-required-header-removed', level: 'breaking', direction: 'response', area: 'header', kind: 'header', action: 'removed-required', bump: 'major' },
  { id: 'response-optional-header-removed', level: 'warning', direction: 'response', area: 'header', kind: 'header', action: 'removed-optional', bump: 'minor' },
  { id: 'response-header-became-optional', level: 'breaking', direction: 'response', area: 'header', kind: 'required', action: 'removed', bump: 'major' },
  { id: 'response-header-became-required', level: 'info', direction: 'response', area: 'header', kind: 'required', action: 'added', bump: 'patch' },

  // Security
  { id: 'security-alternative-removed', level: 'breaking', direction: 'request', area: 'security', kind: 'requirement', action: 'removed', bump: 'major', waiver: SECURITY_WAIVER },
  { id: 'security-alternative-added', level: 'info', direction: 'request', area: 'security', kind: 'requirement', action: 'added', bump: 'minor', waiver: SECURITY_WAIVER },
  { id: 'security-scope-added', level: 'breaking', direction: 'request', area: 'security', kind: 'scope', action: 'added', bump: 'major', waiver: SECURITY_WAIVER },
  { id: 'security-scheme-added', level: 'info', direction: 'request', area: 'security', kind: 'scheme', action: 'added', bump: 'minor', waiver: SECURITY_WAIVER },
  { id: 'security-scheme-removed', level: 'warning', direction: 'request', area: 'security', kind: 'scheme', action: 'removed', bump: 'minor', waiver: SECURITY_WAIVER },
  { id: 'security-scheme-changed', level: 'breaking', direction: 'request', area: 'security', kind: 'scheme', action: 'changed', bump: 'major', waiver: SECURITY_WAIVER },
  { id: 'security-scheme-extended', level: 'info', direction: 'request', area: 'security', kind: 'scheme', action: 'extended', bump: 'minor', waiver: SECURITY_WAIVER },
  { id: 'security-scope-removed', level: 'info', direction: 'request', area: 'security', kind: 'scope', action: 'removed', bump: 'patch', waiver: SECURITY_WAIVER },

  // Schemas read by the server (request bodies and parameters)
  { id: 'request-property-added-required', level: 'breaking', direction: 'request', area: 'schema', kind: 'property', action: 'added-required', bump: 'major' },
  { id: 'request-property-added-optional', level: 'info', direction: 'request', area: 'schema', kind: 'property', action: 'added-optional', bump: 'minor' },
  { id: 'request-property-removed', level: 'warning', direction: 'request', area: 'schema', kind: 'property', action: 'removed', bump: 'minor' },
  { id: 'request-closed-property-removed', level: 'breaking', direction: 'request', area: 'schema', kind: 'property', action: 'removed-closed', bump: 'major', mirror: 'response-property-removed' },
  { id: 'request-property-became-required', level: 'breaking', direction: 'request', area: 'schema', kind: 'required', action: 'added', bump: 'major' },
  { id: 'request-property-became-optional', level: 'info', direction: 'request', area: 'schema', kind: 'required', action: 'removed', bump: 'minor' },
  { id: 'request-property-deprecated', level: 'info', direction: 'request', area: 'schema', kind: 'deprecation', action: 'added', bump: 'patch' },
  { id: 'request-type-narrowed', level: 'breaking', direction: 'request', area: 'schema', kind: 'type', action: 'narrowed', bump: 'major' },
  { id: 'request-type-widened', level: 'info', direction: 'request', area: 'schema', kind: 'type', action: 'widened', bump: 'minor' },
  { id: 'request-type-changed', level: 'breaking', direction: 'request', area: 'schema', kind: 'type', action: 'changed', bump: 'major' },
  { id: 'request-became-non-nullable', level: 'breaking', direction: 'request', area: 'schema', kind: 'nullable', action: 'removed', bump: 'major' },
  { id: 'request-became-nullable', level: 'info', direction: 'request', area: 'schema', kind: 'nullable', action: 'added', bump: 'minor' },
  { id: 'request-enum-value-added', level: 'info', direction: 'request', area: 'schema', kind: 'enum-value', action: 'added', bump: 'minor' },
  { id: 'request-enum-value-removed', level: 'breaking', direction: 'request', area: 'schema', kind: 'enum-value', action: 'removed', bump: 'major' },
  { id: 'request-enum-values-replaced', level: 'breaking', direction: 'request', area: 'schema', kind: 'enum-values', action: 'replaced', bump: 'major' },
  { id: 'request-enum-constraint-added', level: 'breaking', direction: 'request', area: 'schema', kind: 'enum', action: 'added', bump: 'major' },
  { id: 'request-enum-constraint-removed', level: 'info', direction: 'request', area: 'schema', kind: 'enum', action: 'removed', bump: 'minor' },
  { id: 'request-discriminator-changed', level: 'breaking', direction: 'request', area: 'schema', kind: 'discriminator', action: 'changed', bump: 'major' },
  { id: 'request-union-branch-added', level: 'info', direction: 'request', area: 'schema', kind: 'union-branch', action: 'added', bump: 'minor' },
  { id: 'request-union-branch-removed', level: 'breaking', direction: 'request', area: 'schema', kind: 'union-branch', action: 'removed', bump: 'major' },
  { id: 'request-max-length-decreased', level: 'breaking', direction: 'request', area: 'schema', kind: 'max-length', action: 'decreased', bump: 'major' },
  { id: 'request-max-length-increased', level: 'info', direction: 'request', area: 'schema', kind: 'max-length', action: 'increased', bump: 'minor' },
  { id: 'request-min-length-increased', level: 'breaking', direction: 'request', area: 'schema', kind: 'min-length', action: 'increased', bump: 'major' },
  { id: 'request-min-length-decreased', level: 'info', direction: 'request', area: 'schema', kind: 'min-length', action: 'decreased', bump: 'minor' },
  { id: 'request-maximum-decreased', level: 'breaking', direction: 'request', area: 'schema', kind: 'maximum', action: 'decreased', bump: 'major' },
  { id: 'request-maximum-increased', level: 'info', direction: 'request', area: 'schema', kind: 'maximum', action: 'increased', bump: 'minor' },
  { id: 'request-minimum-increased', level: 'breaking', direction: 'request', area: 'schema', kind: 'minimum', action: 'increased', bump: 'major' },
  { id: 'request-minimum-decreased', level: 'info', direction: 'request', area: 'schema', kind: 'minimum', action: 'decreased', bump: 'minor' },
  { id: 'request-max-items-decreased', level: 'breaking', direction: 'request', area: 'schema', kind: 'max-items', action: 'decreased', bump: 'major' },
  { id: 'request-max-items-increased', level: 'info', direction: 'request', area: 'schema', kind: 'max-items', action: 'increased', bump: 'minor' },
  { id: 'request-min-items-increased', level: 'breaking', direction: 'request', area: 'schema', kind: 'min-items', action: 'increased', bump: 'major' },
  { id: 'request-min-items-decreased', level: 'info', direction: 'request', area: 'schema', kind: 'min-items', action: 'decreased', bump: 'minor' },
  { id: 'request-pattern-added', level: 'breaking', direction: 'request', area: 'schema', kind: 'pattern', action: 'added', bump: 'major' },
  { id: 'request-pattern-changed', level: 'warning', direction: 'request', area: 'schema', kind: 'pattern', action: 'changed', bump: 'minor' },
  { id: 'request-pattern-removed', level: 'info', direction: 'request', area: 'schema', kind: 'pattern', action: 'removed', bump: 'minor' },
  { id: 'request-format-changed', level: 'warning', direction: 'request', area: 'schema', kind: 'format', action: 'changed', bump: 'minor' },
  { id: 'request-additional-properties-narrowed', level: 'breaking', direction: 'request', area: 'schema', kind: 'additional-properties', action: 'narrowed', bump: 'major' },
  { id: 'request-additional-properties-widened', level: 'info', direction: 'request', area: 'schema', kind: 'additional-properties', action: 'widened', bump: 'minor' },
  { id: 'request-items-added', level: 'breaking', direction: 'request', area: 'schema', kind: 'items', action: 'added', bump: 'major' },
  { id: 'request-items-removed', level: 'info', direction: 'request', area: 'schema', kind: 'items', action: 'removed', bump: 'minor' },
  { id: 'request-description-changed', level: 'info', direction: 'request', area: 'schema', kind: 'description', action: 'changed', bump: 'patch' },
  { id: 'request-example-changed', level: 'info', direction: 'request', area: 'schema', kind: 'example', action: 'changed', bump: 'patch' },
  { id: 'request-default-changed', level: 'warning', direction: 'request', area: 'schema', kind: 'default', action: 'changed', bump: 'minor' },

  // Schemas read by the client (response bodies and headers): the mirror image of the above
  { id: 'response-property-added-required', level: 'info', direction: 'response', area: 'schema', kind: 'property', action: 'added-required', bump: 'minor' },
  { id: 'response-property-added-optional', level: 'info', direction: 'response', area: 'schema', kind: 'property', action: 'added-optional', bump: 'minor' },
  { id: 'response-property-removed', level: 'breaking', direction: 'response', area: 'schema', kind: 'property', action: 'removed', bump: 'major' },
  { id: 'response-property-became-required', level: 'info', direction: 'response', area: 'schema', kind: 'required', action: 'added', bump: 'patch' },
  { id: 'response-property-became-optional', level: 'breaking', direction: 'response', area: 'schema', kind: 'required', action: 'removed', bump: 'major' },
  { id: 'response-property-deprecated', level: 'info', direction: 'response', area: 'schema', kind: 'deprecation', action: 'added', bump: 'patch' },
  { id: 'response-type-narrowed', level: 'info', direction: 'response', area: 'schema', kind: 'type', action: 'narrowed', bump: 'patch' },
  { id: 'response-type-widened', level: 'breaking', direction: 'response', area: 'schema', kind: 'type', action: 'widened', bump: 'major' },
  { id: 'response-type-changed', level: 'breaking', direction: 'response', area: 'schema', kind: 'type', action: 'changed', bump: 'major' },
  { id: 'response-became-non-nullable', level: 'info', direction: 'response', area: 'schema', kind: 'nullable', action: 'removed', bump: 'patch' },
  { id: 'response-became-nullable', level: 'breaking', direction: 'response', area: 'schema', kind: 'nullable', action: 'added', bump: 'major' },
  { id: 'response-enum-value-added', level: 'breaking', direction: 'response', area: 'schema', kind: 'enum-value', action: 'added', bump: 'major' },
  { id: 'response-enum-value-removed', level: 'info', direction: 'response', area: 'schema', kind: 'enum-value', action: 'removed', bump: 'patch' },
  { id: 'response-enum-values-replaced', level: 'breaking', direction: 'response', area: 'schema', kind: 'enum-values', action: 'replaced', bump: 'major' },
  { id: 'response-enum-constraint-added', level: 'info', direction: 'response', area: 'schema', kind: 'enum', action: 'added', bump: 'patch' },
  { id: 'response-enum-constraint-removed', level: 'breaking', direction: 'response', area: 'schema', kind: 'enum', action: 'removed', bump: 'major' },
  { id: 'response-discriminator-changed', level: 'breaking', direction: 'response', area: 'schema', kind: 'discriminator', action: 'changed', bump: 'major' },
  { id: 'response-union-branch-added', level: 'breaking', direction: 'response', area: 'schema', kind: 'union-branch', action: 'added', bump: 'major' },
  { id: 'response-union-branch-removed', level: 'info', direction: 'response', area: 'schema', kind: 'union-branch', action: 'removed', bump: 'patch' },
  { id: 'response-max-length-decreased', level: 'info', direction: 'response', area: 'schema', kind: 'max-length', action: 'decreased', bump: 'patch' },
  { id: 'response-max-length-increased', level: 'warning', direction: 'response', area: 'schema', kind: 'max-length', action: 'increased', bump: 'minor' },
  { id: 'response-min-length-increased', level: 'info', direction: 'response', area: 'schema', kind: 'min-length', action: 'increased', bump: 'patch' },
  { id: 'response-min-length-decreased', level: 'warning', direction: 'response', area: 'schema', kind: 'min-length', action: 'decreased', bump: 'minor' },
  { id: 'response-maximum-decreased', level: 'info', direction: 'response', area: 'schema', kind: 'maximum', action: 'decreased', bump: 'patch' },
  { id: 'response-maximum-increased', level: 'warning', direction: 'response', area: 'schema', kind: 'maximum', action: 'increased', bump: 'minor' },
  { id: 'response-minimum-increased', level: 'info', direction: 'response', area: 'schema', kind: 'minimum', action: 'increased', bump: 'patch' },
  { id: 'response-minimum-decreased', level: 'warning', direction: 'response', area: 'schema', kind: 'minimum', action: 'decreased', bump: 'minor' },
  { id: 'response-max-items-decreased', level: 'info', direction: 'response', area: 'schema', kind: 'max-items', action: 'decreased', bump: 'patch' },
  { id: 'response-max-items-increased', level: 'warning', direction: 'response', area: 'schema', kind: 'max-items', action: 'increased', bump: 'minor' },
  { id: 'response-min-items-increased', level: 'info', direction: 'response', area: 'schema', kind: 'min-items', action: 'increased', bump: 'patch' },
  { id: 'response-min-items-decreased', level: 'warning', direction: 'response', area: 'schema', kind: 'min-items', action: 'decreased', bump: 'minor' },
  { id: 'response-pattern-added', level: 'info', direction: 'response', area: 'schema', kind: 'pattern', action: 'added', bump: 'patch' },
  { id: 'response-pattern-changed', level: 'warning', direction: 'response', area: 'schema', kind: 'pattern', action: 'changed', bump: 'minor' },
  { id: 'response-pattern-removed', level: 'warning', direction: 'response', area: 'schema', kind: 'pattern', action: 'removed', bump: 'minor' },
  { id: 'response-format-changed', level: 'warning', direction: 'response', area: 'schema', kind: 'format', action: 'changed', bump: 'minor' },
  { id: 'response-additional-properties-narrowed', level: 'info', direction: 'response', area: 'schema', kind: 'additional-properties', action: 'narrowed', bump: 'patch' },
  { id: 'response-additional-properties-widened', level: 'warning', direction: 'response', area: 'schema', kind: 'additional-properties', action: 'widened', bump: 'minor' },
  { id: 'response-items-added', level: 'info', direction: 'response', area: 'schema', kind: 'items', action: 'added', bump: 'patch' },
  { id: 'response-items-removed', level: 'breaking', direction: 'response', area: 'schema', kind: 'items', action: 'removed', bump: 'major' },
  { id: 'response-description-changed', level: 'info', direction: 'response', area: 'schema', kind: 'description', action: 'changed', bump: 'patch' },
  { id: 'response-example-changed', level: 'info', direction: 'response', area: 'schema', kind: 'example', action: 'changed', bump: 'patch' },
  { id: 'response-default-changed', level: 'info', direction: 'response', area: 'schema', kind: 'default', action: 'changed', bump: 'patch' },

  // What the generated TypeScript surface (the facade, as @retell-kit/openapi-core's sdkSurface describes it) sees
  { id: 'sdk-method-added', level: 'info', direction: 'none', area: 'sdk', kind: 'method', action: 'added', bump: 'minor' },
  { id: 'sdk-method-removed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'method', action: 'removed', bump: 'major' },
  { id: 'sdk-method-renamed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'method', action: 'renamed', bump: 'major' },
  { id: 'sdk-method-moved', level: 'breaking', direction: 'none', area: 'sdk', kind: 'method', action: 'moved', bump: 'major' },
  { id: 'sdk-positional-changed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'method', action: 'signature-changed', bump: 'major' },
  { id: 'sdk-params-type-renamed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'params-type', action: 'renamed', bump: 'major' },
  { id: 'sdk-response-type-renamed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'response-type', action: 'renamed', bump: 'major' },
  { id: 'sdk-type-added', level: 'info', direction: 'none', area: 'sdk', kind: 'type-alias', action: 'added', bump: 'minor' },
  { id: 'sdk-type-removed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'type-alias', action: 'removed', bump: 'major' },
  { id: 'sdk-type-renamed', level: 'breaking', direction: 'none', area: 'sdk', kind: 'type-alias', action: 'renamed', bump: 'major' },
  { id: 'sdk-params-narrowed', level: 'breaking', direction: 'request', area: 'sdk', kind: 'params-type', action: 'narrowed', bump: 'major', mirror: 'sdk-response-changed' },
  { id: 'sdk-params-widened', level: 'info', direction: 'request', area: 'sdk', kind: 'params-type', action: 'widened', bump: 'minor', mirror: 'sdk-response-extended' },
  { id: 'sdk-response-changed', level: 'breaking', direction: 'response', area: 'sdk', kind: 'response-type', action: 'changed', bump: 'major' },
  { id: 'sdk-response-extended', level: 'info', direction: 'response', area: 'sdk', kind: 'response-type', action: 'extended', bump: 'minor' },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: RuleId): Rule {
  const rule = BY_ID.get(id);
  // The RuleId type makes this unreachable; the guard keeps a stale id from becoming a silent undefined.
  if (rule === undefined) throw new Error(`unknown rule id ${id}`);
  return rule;
}
