/**
 * One test per rule of the catalog, each on its own base/revision fixture pair under fixtures/<rule-id>/.
 * Each pair states in its expect.yaml, by hand, the rule it must fire with the level and direction it
 * must have: the catalog is what is under test, so the expectation is never read from it. Besides
 * "the rule fires at that level", every pair must stay on its own direction and must not produce
 * anything more severe: that is what catches a false breaking finding or a crossed direction.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../packages/diff/src/rules/catalog.js';
import { MESSAGES } from '../../packages/diff/src/rules/messages.js';
import type { Direction, Level } from '../../packages/diff/src/types.js';
import { diffFixture, FIXTURES } from './helpers.js';

const RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

interface Expectation {
  rule: string;
  level: Level;
  direction: Direction;
  options?: { includeDocs?: boolean };
}

function expectation(id: string): Expectation {
  return parse(readFileSync(`${FIXTURES}${id}/expect.yaml`, 'utf8')) as Expectation;
}

describe('rule fixtures', () => {
  it.each(RULES.map((rule) => rule.id))('%s', async (id) => {
    const want = expectation(id);
    expect(want.rule).toBe(id);
    const report = await diffFixture(id, want.options ?? {});
    const finding = report.findings.find((f) => f.id === id);
    expect(finding, `${id} did not fire; got ${report.findings.map((f) => f.id).join(', ')}`).toBeDefined();
    expect(finding?.level, `level of ${id}`).toBe(want.level);
    expect(finding?.direction, `direction of ${id}`).toBe(want.direction);
    for (const [placeholder] of MESSAGES[id].matchAll(/\{\w+\}/g)) expect(finding?.message).not.toContain(placeholder);

    // Nothing more severe on the rule's own surface. A wire change may also change the facade (a removed
    // body removes its params type): that is the SDK verdict's business, held by the sdk-* fixtures.
    const sameSurface = report.findings.filter((f) => f.surface === finding?.surface);
    const mostSevere = Math.min(...sameSurface.map((f) => RANK[f.level]));
    expect(mostSevere, `a finding more severe than ${want.level}: ${JSON.stringify(sameSurface)}`).toBe(RANK[want.level]);
    if (finding?.area !== 'sdk') {
      const crossed = report.findings.filter((f) => f.direction !== want.direction && f.direction !== 'none');
      expect(crossed).toEqual([]);
    }
    const expectedBump = report.findings.some((f) => f.level === 'breaking') ? 'major' : report.findings.some((f) => f.level === 'warning' || f.bump === 'minor') ? 'minor' : 'patch';
    expect(report.verdict.bump).toBe(expectedBump);
  });

  it('documentation rules stay silent without --include-docs', async () => {
    for (const id of ['request-description-changed', 'response-description-changed', 'request-example-changed', 'response-example-changed']) {
      expect((await diffFixture(id)).findings, id).toEqual([]);
    }
  });
});
