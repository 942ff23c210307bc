/**
 * One test per rule of the catalog, each on its own base/revision fixture pair under fixtures/<rule-id>/.
 * Besides "the rule fires", every pair must stay on its own direction and must not produce anything more
 * severe than the rule itself: that is what catches a false breaking finding or a crossed direction.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../packages/diff/src/rules/catalog.js';
import { MESSAGES } from '../../packages/diff/src/rules/messages.js';
import type { Level } from '../../packages/diff/src/types.js';
import { diffFixture } from './helpers.js';

const RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

describe('rule fixtures', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s', async (id, rule) => {
    const report = await diffFixture(id);
    const finding = report.findings.find((f) => f.id === id);
    expect(finding, `${id} did not fire; got ${report.findings.map((f) => f.id).join(', ')}`).toBeDefined();
    expect(finding?.level).toBe(rule.level);
    expect(finding?.direction).toBe(rule.direction);
    for (const [placeholder] of MESSAGES[id].matchAll(/\{\w+\}/g)) expect(finding?.message).not.toContain(placeholder);

    const mostSevere = Math.min(...report.findings.map((f) => RANK[f.level]));
    expect(mostSevere, `a finding more severe than ${rule.level}: ${JSON.stringify(report.findings)}`).toBe(RANK[rule.level]);
    if (rule.area !== 'sdk') {
      const crossed = report.findings.filter((f) => f.direction !== rule.direction && f.direction !== 'none');
      expect(crossed).toEqual([]);
    }
    const expectedBump = report.findings.some((f) => f.level === 'breaking') ? 'major' : report.findings.some((f) => f.level === 'warning' || f.bump === 'minor') ? 'minor' : 'patch';
    expect(report.verdict.bump).toBe(expectedBump);
  });
});
