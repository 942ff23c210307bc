/**
 * Per-rule level overrides (`--severity-config <file>`), in the spirit of oasdiff's levels file: the
 * catalog's levels are written for clients generated with closed unions and literal types; a team with
 * untyped clients can lower, say, `response-enum-value-added` to a warning, or turn a rule off.
 *
 * ```yaml
 * rules:
 *   response-enum-value-added: warning
 *   response-union-branch-added: info
 *   operation-docs-changed: off
 * ```
 */
import { readFileSync, statSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { DiffInputError } from '../errors.js';
import type { Bump, Level } from '../types.js';
import { RULES, type RuleId } from './catalog.js';
import type { Rule } from './rule.js';

export type LevelSetting = Level | 'off';
export type SeverityOverrides = ReadonlyMap<RuleId, LevelSetting>;

const SETTINGS: readonly LevelSetting[] = ['breaking', 'warning', 'info', 'off'];
const MAX_BYTES = 256 * 1024;
const KNOWN: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Reads and validates a severity file; every problem names the file and, where it can, the line. */
export function readSeverityConfig(file: string): SeverityOverrides {
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) throw new DiffInputError(null, `--severity-config ${file} is larger than ${MAX_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof DiffInputError) throw error;
    throw new DiffInputError(null, `--severity-config ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseSeverityConfig(text, file);
}

export function parseSeverityConfig(text: string, file: string): SeverityOverrides {
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { filename: file });
  } catch (error) {
    throw new DiffInputError(null, `--severity-config ${file} is not valid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  const fail = (message: string, key?: string): never => {
    const line = key === undefined ? undefined : lineOf(text, key);
    throw new DiffInputError(null, `--severity-config ${file}${line === undefined ? '' : `:${line}`}: ${message}`);
  };
  if (parsed === undefined || parsed === null) return new Map();
  if (!isPlainObject(parsed)) return fail('expected a mapping with a `rules:` key');
  for (const key of Object.keys(parsed)) if (key !== 'rules') fail(`unknown key \`${key}\` (only \`rules\` is allowed)`, key);
  const rules = parsed.rules;
  if (rules === undefined || rules === null) return new Map();
  if (!isPlainObject(rules)) return fail('`rules` must map rule ids to levels', 'rules');
  const out = new Map<RuleId, LevelSetting>();
  for (const id of Object.keys(rules)) {
    if (!KNOWN.has(id)) fail(`unknown rule \`${id}\` (see docs/spec-diff.md for the list)`, id);
    const value = rules[id];
    if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) fail(`level of \`${id}\` must be one of ${SETTINGS.join(', ')}`, id);
    out.set(id as RuleId, value as LevelSetting);
  }
  return out;
}

/** The level a rule fires at under the overrides, with the bump that goes with it; null when turned off. */
export function effectiveLevel(rule: Rule, overrides: SeverityOverrides | undefined): { level: Level; bump: Bump } | null {
  const setting = overrides?.get(rule.id as RuleId) ?? rule.level;
  if (setting === 'off') return null;
  if (setting === rule.level) return { level: rule.level, bump: rule.bump };
  // Breaking asks for major and only breaking does; a lowered rule keeps its own minor/patch character.
  const bump: Bump = setting === 'breaking' ? 'major' : setting === 'warning' ? 'minor' : rule.bump === 'major' ? 'minor' : rule.bump;
  return { level: setting, bump };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineOf(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^\\s*["']?${escaped}["']?\\s*:`, 'm').exec(text);
  return match === null ? undefined : text.slice(0, match.index).split('\n').length;
}
