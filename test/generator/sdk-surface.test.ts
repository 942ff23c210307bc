/**
 * `sdkSurface(model)` (packages/openapi-core/src/surface.ts) is what the spec diff and sync compare in
 * place of the facade; this holds it to the facade the generator actually wrote for the curated spec:
 * the same methods with the same positional arguments, and the same exported type names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModel, describeMethod, loadSpec, sdkSurface, type SdkSurface } from '../../packages/openapi-core/src/index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const facade = readFileSync(path.join(REPO, 'packages/sdk/src/generated/client.ts'), 'utf8');

async function curated(): Promise<SdkSurface> {
  return sdkSurface(buildModel(await loadSpec(path.join(REPO, 'spec/openapi.yaml'))));
}

/** Names the facade's `Retell` namespace re-exports (less `RequestOptions`, which is the runtime's). */
function namespaceNames(): string[] {
  const start = facade.indexOf('export declare namespace Retell {');
  const block = facade.slice(start, facade.indexOf('\n}\n', start));
  const names = new Set<string>();
  for (const m of block.matchAll(/(?:type )?(\w+) as \w+/g)) names.add(m[1] as string);
  for (const m of block.matchAll(/export type (\w+) =/g)) if (m[1] !== 'RequestOptions') names.add(m[1] as string);
  return [...names].sort();
}

describe('SDK surface of the curated spec', () => {
  it('lists exactly the type names the facade exports', async () => {
    const surface = await curated();
    expect(surface.types).toEqual(namespaceNames().filter((n) => n !== 'RequestOptions'));
  });

  it('has every method the facade declares, with its positional arguments in order', async () => {
    const surface = await curated();
    expect(surface.methods.length).toBeGreaterThan(50);
    for (const m of surface.methods) {
      const cls = facade.indexOf(`export class ${m.className} extends APIResource {`);
      expect(cls, m.className).toBeGreaterThan(-1);
      const at = facade.indexOf(`\n  ${m.method}(`, cls);
      expect(at, describeMethod(m)).toBeGreaterThan(-1);
      const signature = facade.slice(at, facade.indexOf('): ', at));
      const args = [...signature.matchAll(/[(,]\s*(\w+)\??:/g)].map((a) => a[1]);
      const params = m.paramsType === null ? [] : ['params'];
      expect(args, describeMethod(m)).toEqual([...m.positional.map(() => expect.any(String)), ...params, 'options']);
      if (m.paramsType !== null) expect(signature, describeMethod(m)).toContain(m.paramsType);
    }
  });

  it('states the one method whose path parameter travels in the params object', async () => {
    const surface = await curated();
    const method = surface.methods.find((m) => m.id === 'knowledgeBase.deleteSource');
    expect(method && describeMethod(method)).toBe(
      'knowledgeBase.deleteSource(source_id, params: KnowledgeBaseDeleteSourceParams): KnowledgeBaseResponse  DELETE /delete-knowledge-base-source/{knowledge_base_id}/source/{source_id}',
    );
  });
});
