/**
 * api.md is documentation people copy from: every method of the facade has a section with its route,
 * and every example in it type-checks against the generated SDK (tsc --noEmit).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIRS } from '../../generator/src/emit/files.js';
import { curatedGeneration } from './helpers/curated.js';
import { tempDir, writeTree } from './helpers/files.js';
import { typecheckOutput } from './helpers/typecheck.js';

describe('packages/sdk/api.md', () => {
  it('documents every method with its route, and its examples compile', async () => {
    const { files, model } = await curatedGeneration();
    const doc = files.get('packages/sdk/api.md')!;
    for (const r of model.resources) {
      for (const m of r.methods) {
        expect(doc).toContain(`### \`client.${r.property}.${m.name}\``);
        expect(doc).toContain(`\`${m.operation.method} ${m.operation.path}\``);
      }
    }
    const examples = [...doc.matchAll(/```ts\n((?:const|await) [^\n]*)\n```/g)].map((x) => x[1]!);
    expect(examples).toHaveLength(model.resources.reduce((n, r) => n + r.methods.length, 0));

    const root = tempDir('api-doc');
    writeTree(root, new Map([...files].filter(([rel]) => rel.startsWith(OUTPUT_DIRS.client) || rel.startsWith('packages/sdk/'))));
    const body = examples.map((e, i) => `async function example${i}() {\n  ${e}\n}`).join('\n');
    writeFileSync(
      path.join(root, 'examples.ts'),
      [
        "import fs from 'node:fs';",
        "import Retell, { toFile } from './packages/sdk/src/index.js';",
        'declare const client: Retell;',
        body,
        `export const all = [${examples.map((_, i) => `example${i}`).join(', ')}, fs, toFile];`,
      ].join('\n'),
    );
    const result = await typecheckOutput(root, ['examples.ts']);
    expect(result.output).toBe('');
  });
});
