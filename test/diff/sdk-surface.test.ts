/**
 * The diff's SDK verdict comes from `sdkSurface` (the model the facade is generated from), not from raw
 * `x-sdk`. Each pair below changed the facade without changing the wire, and the diff that read `x-sdk`
 * reported all five as "no changes to the SDK surface" (the last one as a compatible params change).
 * The last test is the report that started it, on the curated spec.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { diffDocuments, type DiffReport } from '../../packages/diff/src/diff.js';
import { loadDocument } from '../../packages/diff/src/load/document.js';
import { diffFixture } from './helpers.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = path.join(HERE, '../..');

async function diffPair(dir: string): Promise<DiffReport> {
  const [base, head] = await Promise.all([loadDocument('base', path.join(dir, 'base.yaml'), 'base.yaml'), loadDocument('head', path.join(dir, 'revision.yaml'), 'revision.yaml')]);
  return diffDocuments({ ...base, source: 'base.yaml' }, { ...head, source: 'revision.yaml' });
}

const CASES = [
  ['sdk-positional-changed', () => diffFixture('sdk-positional-changed')],
  ['sdk-params-type-renamed', () => diffFixture('sdk-params-type-renamed')],
  ['sdk-response-type-renamed', () => diffFixture('sdk-response-type-renamed')],
  ['sdk-method-moved', () => diffFixture('sdk-method-moved')],
  ['facade-type-removed', () => diffPair(path.join(HERE, 'surface-fixtures/facade-type-removed'))],
] as const;

describe('SDK changes the wire does not show', () => {
  it.each(CASES)('%s', async (name, run) => {
    const dir = name === 'facade-type-removed' ? path.join(HERE, 'surface-fixtures', name) : path.join(HERE, 'fixtures', name);
    const want = parse(readFileSync(path.join(dir, 'expect.yaml'), 'utf8')) as { rule: string; level: string };
    const report = await run();
    const finding = report.findings.find((f) => f.id === want.rule);
    expect(finding, `${want.rule} did not fire; got ${report.findings.map((f) => f.id).join(', ')}`).toMatchObject({ level: want.level, surface: 'sdk' });
    expect(report.verdict.sdk.bump).toBe('major');
  });

  it('names the old and new signature of a method whose positional arguments changed', async () => {
    const report = await diffFixture('sdk-positional-changed');
    // With every path parameter positional, the method takes no params object: its type goes too.
    expect(report.findings.map((f) => [f.id, f.message])).toEqual([
      ['sdk-type-removed', 'exported type `WidgetDeletePartParams` removed: code importing it stops compiling'],
      ['sdk-positional-changed', 'positional arguments of `widget.deletePart` changed from (part_id) to (widget_id, part_id): existing calls pass the wrong values or stop compiling'],
    ]);
    expect(report.verdict.wire.bump).toBe('patch');
  });
});

describe('the curated spec', () => {
  it('reports dropping x-sdk.positional from deleteSource as an SDK-breaking change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-positional-'));
    try {
      cpSync(path.join(REPO, 'spec'), path.join(dir, 'spec'), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
      const file = path.join(dir, 'spec/paths/delete-knowledge-base-source_{knowledge_base_id}_source_{source_id}.yaml');
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(/\n\s+positional:\n(\s+- \w+\n)+|\n\s+positional: \[[^\]]*\]\n/, '\n');
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
      const [base, head] = await Promise.all([
        loadDocument('base', path.join(REPO, 'spec/openapi.yaml'), 'spec/openapi.yaml'),
        loadDocument('head', path.join(dir, 'spec/openapi.yaml'), 'edited'),
      ]);
      const report = diffDocuments({ ...base, source: 'base' }, { ...head, source: 'head' });
      expect(report.findings.map((f) => [f.id, f.level, f.location])).toEqual([
        ['sdk-type-removed', 'breaking', 'types.KnowledgeBaseDeleteSourceParams'],
        ['sdk-positional-changed', 'breaking', 'sdk.knowledgeBase.deleteSource'],
      ]);
      expect(report.verdict.sdk.bump).toBe('major');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
