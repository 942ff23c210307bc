/**
 * The catalog is complete: every rule has a message, a fixture pair and a check that may fire it; every
 * request rule has its response mirror or a written waiver; no fixture or message is orphaned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../packages/diff/src/checks/index.js';
import { sdkTypesRules } from '../../packages/diff/src/checks/sdk-types.js';
import { RULES } from '../../packages/diff/src/rules/catalog.js';
import { MESSAGES } from '../../packages/diff/src/rules/messages.js';
import { surfaceOf } from '../../packages/diff/src/engine.js';
import { FIXTURES } from './helpers.js';

const ids = RULES.map((r) => r.id);
const declared = new Set<string>([...CHECKS.flatMap((c) => c.rules), ...sdkTypesRules]);

describe('rule catalog', () => {
  it('has at least 60 rules with unique ids', () => {
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s is complete', (id, rule) => {
    expect(MESSAGES[rule.id].length).toBeGreaterThan(0);
    expect(existsSync(`${FIXTURES}${id}/base.yaml`)).toBe(true);
    expect(existsSync(`${FIXTURES}${id}/revision.yaml`)).toBe(true);
    expect(declared.has(id), `no check declares ${id}`).toBe(true);
    if (rule.direction === 'request') {
      const explicit = 'mirror' in rule;
      const mirrorId = explicit ? rule.mirror : id.startsWith('request-') ? id.replace(/^request-/, 'response-') : undefined;
      const mirror = RULES.find((r) => r.id === mirrorId);
      const waiver = 'waiver' in rule ? rule.waiver : undefined;
      expect(mirror !== undefined || (waiver !== undefined && waiver.length > 10), `${id} needs a response mirror or a waiver`).toBe(true);
      if (mirror !== undefined) {
        expect(mirror.direction).toBe('response');
        // A mirror found by name must be about the same thing; an explicit one may name it differently.
        if (!explicit) expect(mirror.kind).toBe(rule.kind);
      }
    }
    // Breaking asks for major, and only breaking does.
    expect(rule.bump === 'major').toBe(rule.level === 'breaking');
  });

  it('has no orphan fixture folder, message or declared rule', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(readdirSync(`${FIXTURES}${id}`).sort(), id).toEqual(['base.yaml', 'expect.yaml', 'revision.yaml']);
    expect(Object.keys(MESSAGES).sort()).toEqual([...ids].sort());
    for (const id of declared) expect(ids).toContain(id);
  });

  it('gives every check file a distinct name and only known subjects', () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const check of CHECKS) expect(check.subjects.length).toBeGreaterThan(0);
  });
});

describe('docs/spec-diff.md', () => {
  it('lists every rule of the catalog, once, with its default level, direction, area, bump and surface', () => {
    const text = readFileSync(new URL('../../docs/spec-diff.md', import.meta.url), 'utf8');
    for (const rule of RULES) expect(text).toContain(`| \`${rule.id}\` | ${rule.level} | ${rule.direction} | ${rule.area} | ${rule.bump} | ${surfaceOf(rule)} |`);
    const rows = text.split('\n').filter((line) => /^\| `[a-z-]+` \| (breaking|warning|info) \|/.test(line));
    expect(rows.length).toBe(RULES.length);
  });
});
