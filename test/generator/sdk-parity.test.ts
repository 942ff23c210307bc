/**
 * Drop-in parity with retell-sdk@5.66.1: the facade generated from spec/openapi.yaml has the same
 * resources, the same 114 methods, the same positional/params/options shape and the same exported
 * params/response type names. The official SDK's declarations are read with ts-morph (facts only).
 */
import path from 'node:path';
import { Project, type ClassDeclaration } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { curatedGeneration, type CuratedGeneration } from './helpers/curated.js';
import { REPO } from './helpers/typecheck.js';

// retell-sdk@5.66.1, the release the spec matches, is a root devDependency under the alias retell-sdk-5.66.1.
const SDK_DIR = path.join(REPO, 'node_modules/retell-sdk-5.66.1');

interface OfficialMethod {
  readonly resource: string;
  readonly name: string;
  /** Parameter names and whether each is optional, e.g. `agentID`, `params?`, `options?`. */
  readonly params: { name: string; optional: boolean; type: string }[];
}

function officialSurface(): { methods: OfficialMethod[]; types: Set<string> } {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const client = project.addSourceFileAtPath(path.join(SDK_DIR, 'client.d.ts'));
  const retell = client.getClassOrThrow('Retell');
  const methods: OfficialMethod[] = [];
  const types = new Set<string>();
  for (const prop of retell.getProperties()) {
    if (prop.isStatic()) continue;
    const typeText = prop.getTypeNode()?.getText() ?? '';
    const match = /^API\.(\w+)$/.exec(typeText);
    if (!match) continue;
    const className = match[1]!;
    const file = project.addSourceFilesAtPaths(path.join(SDK_DIR, 'resources/*.d.ts')).find((f) => f.getClass(className));
    const cls = file?.getClass(className) as ClassDeclaration;
    for (const m of cls.getMethods()) {
      methods.push({
        resource: prop.getName(),
        name: m.getName(),
        params: m.getParameters().map((p) => ({ name: p.getName(), optional: p.isOptional(), type: p.getTypeNode()?.getText() ?? '' })),
      });
    }
    for (const t of [...file!.getInterfaces(), ...file!.getTypeAliases()]) if (t.isExported()) types.add(t.getName());
  }
  return { methods, types };
}

describe('facade parity with retell-sdk@5.66.1', () => {
  let ours: CuratedGeneration;
  let official: ReturnType<typeof officialSurface>;
  beforeAll(async () => {
    ours = await curatedGeneration();
    official = officialSurface();
  }, 600_000); // one generation: ~15 s quiet; generous for a loaded machine

  it('has the same resources and the same 114 methods', () => {
    const mine = ours.model.resources.flatMap((r) => r.methods.map((m) => `${r.property}.${m.name}`)).sort();
    const theirs = official.methods.map((m) => `${m.resource}.${m.name}`).sort();
    expect(theirs).toHaveLength(114);
    expect(mine).toEqual(theirs);
  });

  it('takes the same positional path params, params object and options', () => {
    const mismatches: string[] = [];
    for (const o of official.methods) {
      const m = ours.model.resources.find((r) => r.property === o.resource)?.methods.find((x) => x.name === o.name);
      if (!m) continue;
      const positional = o.params.filter((p) => p.type === 'string' && p.name !== 'options').length;
      const hasParams = o.params.some((p) => p.name !== 'options' && p.type !== 'string');
      const paramsOptional = o.params.find((p) => p.name !== 'options' && p.type !== 'string')?.optional ?? true;
      const mine = { positional: m.positional.length, hasParams: !!(m.operation.paramsShape !== 'none' || m.pathInParams.length), paramsRequired: m.paramsRequired };
      if (mine.positional !== positional) mismatches.push(`${o.resource}.${o.name}: ${mine.positional} positional, official ${positional}`);
      if (mine.hasParams !== hasParams) mismatches.push(`${o.resource}.${o.name}: params ${mine.hasParams}, official ${hasParams}`);
      // Ours may be more permissive (optional where the official SDK requires), never stricter.
      if (hasParams && paramsOptional && mine.paramsRequired) mismatches.push(`${o.resource}.${o.name}: params required, official optional`);
    }
    expect(mismatches).toEqual([]);
  });

  it('exports every params/response type name the official resources export', () => {
    const sdkIndex = ours.files.get('packages/sdk/src/generated/index.ts') ?? '';
    const exported = new Set([...sdkIndex.matchAll(/\b([A-Z]\w*)\b/g)].map((m) => m[1]!));
    const wanted = [...official.types].filter((t) => /(Params|Response)$/.test(t));
    expect(wanted.length).toBeGreaterThan(60);
    expect(wanted.filter((t) => !exported.has(t))).toEqual([]);
  });
});
