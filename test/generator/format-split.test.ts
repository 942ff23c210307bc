/**
 * Large schema files are formatted in pieces on several threads (write/split.ts). The joined result
 * must be exactly what prettier gives for the whole file, at any piece size.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { emitSchema } from '../../generator/src/emit/types/schema.js';
import { loadSpec } from '../../generator/src/load/index.js';
import { PRETTIER_OPTIONS } from '../../generator/src/write/format.js';
import { joinFormatted, splitForFormat } from '../../generator/src/write/split.js';
import { REPO } from './helpers/typecheck.js';

const FIXTURES = readdirSync(path.join(REPO, 'test/fixtures/specs')).map((name) => `test/fixtures/specs/${name}/openapi.yaml`);
const SPECS = ['spec/openapi.yaml', ...FIXTURES];
const options = { ...PRETTIER_OPTIONS, parser: 'typescript' };

/** Each spec's schema file and its whole-file formatting, made once and compared at every piece size. */
const wholes = new Map<string, Promise<{ text: string; whole: string }>>();
function schemaOf(spec: string): Promise<{ text: string; whole: string }> {
  let entry = wholes.get(spec);
  if (!entry) {
    entry = (async () => {
      const text = emitSchema(await loadSpec(path.join(REPO, spec))).text;
      return { text, whole: await format(text, options) };
    })();
    wholes.set(spec, entry);
  }
  return entry;
}

describe('split formatting', () => {
  it.each(SPECS.flatMap((spec) => [200, 3_000, 100_000].map((max) => [spec, max] as const)))(
    '%s in pieces of %i characters equals whole-file formatting',
    async (spec, max) => {
      const { text, whole } = await schemaOf(spec);
      const pieces = splitForFormat(text, max);
      if (max <= 3_000 && spec === 'spec/openapi.yaml') expect(pieces.length).toBeGreaterThan(50);
      const formatted = await Promise.all(pieces.map((p) => format(p.text, options)));
      expect(joinFormatted(pieces, formatted)).toBe(whole);
    },
  );
});
