/**
 * Type-level drop-in check against retell-sdk@5.66.1: for every facade method, each argument an app
 * could pass to the official method (path params, params object) must be accepted by ours, and our
 * resolved response must be assignable to the official one. A generated `.ts` file states this with
 * plain assignments and `tsc --noEmit` judges it, next to the generated packages.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIRS } from '../../generator/src/emit/files.js';
import { curatedGeneration } from './helpers/curated.js';
import { tempDir, writeTree } from './helpers/files.js';
import { REPO, typecheckOutput } from './helpers/typecheck.js';

// retell-sdk@5.66.1, the release the spec matches (root devDependency alias).
const OFFICIAL = path.join(REPO, 'node_modules/retell-sdk-5.66.1');

describe('facade types accept what retell-sdk@5.66.1 apps pass', () => {
  it('every argument and response lines up (tsc --noEmit)', async () => {
    const { files, model } = await curatedGeneration();
    const root = tempDir('compat');
    writeTree(root, new Map([...files].filter(([rel]) => rel.startsWith(OUTPUT_DIRS.client) || rel.startsWith('packages/sdk/'))));
    const lines = [
      "import type Official from 'retell-sdk';",
      "import type Ours from './packages/sdk/src/index.js';",
      'type Args<F> = F extends (...args: infer A) => unknown ? A : never;',
      'type Result<F> = F extends (...args: never[]) => PromiseLike<infer T> ? T : never;',
    ];
    let n = 0;
    for (const r of model.resources) {
      for (const m of r.methods) {
        const theirs = `Official['${r.property}']['${m.name}']`;
        const ours = `Ours['${r.property}']['${m.name}']`;
        const count = m.positional.length + (m.operation.paramsShape !== 'none' || m.pathInParams.length > 0 ? 1 : 0);
        for (let i = 0; i < count; i++) {
          lines.push(`declare const a${n}: Args<${theirs}>[${i}];`, `export const b${n}: Args<${ours}>[${i}] = a${n}; // ${r.property}.${m.name} arg ${i}`);
          n++;
        }
        lines.push(`declare const r${n}: Result<${ours}>;`, `export const s${n}: Result<${theirs}> = r${n}; // ${r.property}.${m.name} response`);
        n++;
      }
    }
    // Every type name of the official namespace (`Retell.AgentCreateParams`, ...) resolves on ours too.
    const hasParams = (m: (typeof model.resources)[number]['methods'][number]) => m.operation.paramsShape !== 'none' || m.pathInParams.length > 0;
    const names = new Set(
      model.resources.flatMap((r) => r.methods.flatMap((m) => [...(hasParams(m) ? [m.binding.paramsType] : []), m.binding.responseType])),
    );
    for (const name of [...names].filter((x) => x !== 'void').sort()) {
      lines.push(`export type N${n} = Ours.${name} extends unknown ? Official.${name} : never; // Retell.${name}`);
      n++;
    }
    writeFileSync(path.join(root, 'compat.ts'), `${lines.join('\n')}\n`);
    const result = await typecheckOutput(root, ['compat.ts'], { 'retell-sdk': [path.join(OFFICIAL, 'index.d.ts')] });
    const failing = [...result.output.matchAll(/compat\.ts\((\d+),/g)].map((m) => lines[Number(m[1]) - 1]?.split('// ')[1]);
    expect([...new Set(failing)], result.output.slice(0, 8000)).toEqual([]);
    expect(result.ok).toBe(true);
  }, 600_000); // generation + tsc: ~40 s quiet; generous for a loaded machine
});
