/**
 * The import rules of docs/architecture.md, read from the sources: who may import generated code, that
 * the core never reaches into the generator, and which emitters still read the raw document (a list
 * that may only shrink: a new emitter must read the model).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts)$/.test(e.name) && !e.parentPath.includes('generated') && !e.parentPath.includes(`${path.sep}dist`))
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const imports = (file: string): string[] => [...readFileSync(path.join(REPO, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

describe('architecture rules', () => {
  it('hand-written package code imports generated code only through its one entry module', () => {
    const allowed = ['packages/client/src/index.ts', 'packages/sdk/src/index.ts', 'packages/mock/src/index.ts', 'packages/mcp/src/docs.ts', 'packages/llm-socket/src/protocol/validate.ts'];
    const packages = readdirSync(path.join(REPO, 'packages')).filter((p) => p !== 'python');
    const importers = packages.flatMap((p) => sources(`packages/${p}/src`)).filter((f) => imports(f).some((i) => /(^|\/)generated\//.test(i)));
    expect(importers.length).toBeGreaterThan(0);
    for (const file of importers) expect(allowed, `${file} imports generated code`).toContain(file);
  });

  it('the core depends on nothing of the generator or the emitters', () => {
    for (const file of sources('packages/openapi-core/src')) {
      for (const spec of imports(file)) expect(spec, file).not.toMatch(/generator|\/emit\//);
    }
  });

  it('the IR does not import emitters (naming decides names, emitters escape text)', () => {
    for (const file of sources('packages/openapi-core/src/ir')) expect(imports(file).filter((i) => i.includes('emit')), file).toEqual([]);
  });

  it('only the listed emitters still read the raw document; the list may only shrink', () => {
    const STILL_READING = [
      'generator/src/emit/docs/index.ts',
      'generator/src/emit/docs/model.ts',
      'generator/src/emit/index.ts',
      'generator/src/emit/llm-socket/index.ts',
      'generator/src/emit/mocks/index.ts',
      'generator/src/emit/python/index.ts',
      'generator/src/emit/types/off-thread.ts',
      'generator/src/emit/types/schema.ts',
    ];
    const readers = sources('generator/src/emit').filter((f) => /\bLoadedSpec\b|\.document\b|\.bundled\b/.test(readFileSync(path.join(REPO, f), 'utf8')));
    expect(readers).toEqual(STILL_READING.filter((f) => readers.includes(f)));
    for (const f of readers) expect(STILL_READING, `${f} reads the raw document: read the model instead`).toContain(f);
  });
});
