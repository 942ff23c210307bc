/**
 * Type-level drop-in check of the client surface against retell-sdk@5.66.1, derived from its
 * declarations (read with ts-morph, facts only), not from a hand-written list:
 *   - every key of the official `RequestOptions`: ours has it, and accepts every value theirs accepts;
 *   - every static of the official `Retell` class and every value its namespace exports (the resource
 *     classes): ours has it; classes expose every public instance member theirs do, functions accept
 *     their arguments, values are assignable both ways;
 *   - every public instance property and method of the official class: ours has it with a compatible
 *     type (read and written for properties; arguments accepted and results assignable for methods).
 * Non-public official members are listed with the reason each is (or is not) provided; the list must
 * match the declarations exactly, so a new official member fails this test until it is looked at.
 * A generated `.ts` file states all of it and `tsc --noEmit` judges it against the committed packages.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Node, Project, Scope } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/files.js';
import { REPO } from './helpers/typecheck.js';

// retell-sdk@5.66.1, the release the spec matches (root devDependency alias).
const OFFICIAL = path.join(REPO, 'node_modules/retell-sdk-5.66.1');

/** Official members that are not public, and what ours does about each. */
const NON_PUBLIC: Record<string, string> = {
  fetch: 'private there; public here (`client.fetch`), checked like a public property below',
  _options: 'private there and holds the API key in plain; not provided (the options are readable one by one)',
  idempotencyHeader: 'protected; provided (checked through a subclass below)',
  defaultQuery: 'protected hook of their request pipeline; ours has no such hook',
  validateHeaders: 'protected hook of their request pipeline; ours has no such hook',
  authHeaders: 'protected hook of their request pipeline; ours has no such hook',
  stringifyQuery: 'protected hook of their request pipeline; ours has no such hook',
  getUserAgent: 'private',
  defaultIdempotencyKey: 'protected hook of their request pipeline; ours has no such hook',
  makeStatusError: 'protected; `APIError.generate` is the public equivalent',
  prepareOptions: 'protected hook of their request pipeline; ours has no such hook',
  prepareRequest: 'protected hook of their request pipeline; ours has no such hook',
  methodRequest: 'private',
  makeRequest: 'private',
  shouldRetry: 'private',
  retryRequest: 'private',
  calculateDefaultRetryTimeoutMillis: 'private',
  buildHeaders: 'private',
  _makeAbort: 'private',
  buildBody: 'private',
};

interface Surface {
  requestOptionKeys: string[];
  statics: { name: string; kind: 'class' | 'function' | 'value' }[];
  instance: { name: string; kind: 'property' | 'resource' | 'method' | 'fluent'; readonly: boolean }[];
  nonPublic: string[];
}

function officialSurface(): Surface {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const options = project.addSourceFileAtPath(path.join(OFFICIAL, 'internal/request-options.d.ts'));
  const literal = options.getTypeAliasOrThrow('RequestOptions').getTypeNodeOrThrow();
  if (!Node.isTypeLiteral(literal)) throw new Error('official RequestOptions is not a type literal');
  const requestOptionKeys = literal.getProperties().map((p) => p.getName());

  const client = project.addSourceFileAtPath(path.join(OFFICIAL, 'client.d.ts'));
  const retell = client.getClassOrThrow('Retell');
  const statics: Surface['statics'] = retell.getStaticProperties().map((p) => {
    const type = Node.isPropertyDeclaration(p) ? (p.getTypeNode()?.getText() ?? '') : '';
    return { name: p.getName(), kind: /^typeof (Errors\.\w+|Retell)$/.test(type) ? 'class' : type.startsWith('typeof ') ? 'function' : 'value' };
  });
  // `export { Call as Call, type CallResponse as CallResponse, ... }` in `namespace Retell`: the values are the resource classes.
  for (const declaration of client.getModuleOrThrow('Retell').getExportDeclarations()) {
    for (const specifier of declaration.getNamedExports()) {
      if (!specifier.isTypeOnly()) statics.push({ name: specifier.getAliasNode()?.getText() ?? specifier.getName(), kind: 'class' });
    }
  }
  const instance: Surface['instance'] = [];
  const nonPublic: string[] = [];
  for (const p of retell.getInstanceProperties()) {
    const name = p.getName();
    if (name.startsWith('#')) continue;
    const scope = Node.isPropertyDeclaration(p) ? p.getScope() : Scope.Public;
    if (scope !== Scope.Public) nonPublic.push(name);
    const type = Node.isPropertyDeclaration(p) ? (p.getTypeNode()?.getText() ?? '') : '';
    if (scope === Scope.Public) instance.push({ name, kind: /^API\.\w+$/.test(type) ? 'resource' : 'property', readonly: Node.isPropertyDeclaration(p) && p.isReadonly() });
  }
  for (const m of retell.getInstanceMethods()) {
    if (m.getScope() !== Scope.Public) nonPublic.push(m.getName());
    // A method returning `this` (withOptions) returns a client of the same class: ours returns ours.
    else if (!instance.some((x) => x.name === m.getName())) instance.push({ name: m.getName(), kind: m.getReturnTypeNode()?.getText() === 'this' ? 'fluent' : 'method', readonly: true });
  }
  return { requestOptionKeys, statics, instance, nonPublic: [...new Set(nonPublic)] };
}

function tsc(root: string): Promise<{ ok: boolean; output: string }> {
  const tsconfig = {
    extends: path.join(REPO, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      declaration: false,
      sourceMap: false,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules/@types')],
      paths: {
        '@retell-kit/client': [path.join(REPO, 'packages/client/src/index.ts')],
        '@retell-kit/client/runtime': [path.join(REPO, 'packages/client/src/runtime/lean.ts')],
        '@retell-kit/client/types': [path.join(REPO, 'packages/client/src/generated/types-entry.ts')],
        '@retell-kit/sdk': [path.join(REPO, 'packages/sdk/src/index.ts')],
        'openapi-fetch': [path.join(REPO, 'packages/client/node_modules/openapi-fetch')],
        'retell-sdk': [path.join(OFFICIAL, 'index.d.ts')],
        'retell-sdk/*': [path.join(OFFICIAL, '*')],
      },
    },
    files: ['surface.ts'],
  };
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', root], { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ ok: !error, output: `${stdout}${stderr}` }),
    );
  });
}

describe('client surface types match retell-sdk@5.66.1', () => {
  const official = officialSurface();

  it('reads a plausible official surface', () => {
    expect(official.requestOptionKeys).toEqual(expect.arrayContaining(['method', 'path', 'query', 'body', 'headers', 'timeout', 'signal']));
    expect(official.statics.map((s) => s.name)).toEqual(expect.arrayContaining(['DEFAULT_TIMEOUT', 'ConversationFlow', 'ExportRequest', 'McpTool', 'toFile']));
    expect(official.instance.map((s) => s.name)).toEqual(expect.arrayContaining(['apiKey', 'baseURL', 'maxRetries', 'timeout', 'logger', 'agent', 'get']));
  });

  it('lists every non-public official member with a reason', () => {
    expect(official.nonPublic.sort()).toEqual(Object.keys(NON_PUBLIC).sort());
  });

  it('every RequestOptions key, static and instance member is on ours with a compatible type (tsc --noEmit)', async () => {
    const lines = [
      "import type Official from 'retell-sdk';",
      "import type { RequestOptions as OfficialOptions } from 'retell-sdk/internal/request-options.js';",
      "import Ours, { type RequestOptions as OurOptions } from '@retell-kit/sdk';",
      'type Fn = (...args: any) => any;',
      'type Ctor = abstract new (...args: any) => any;',
      '/** never when `U` can stand in for `O`; otherwise the reason. */',
      'type ClassGap<O, U> = O extends Ctor ? (U extends Ctor ? Exclude<keyof InstanceType<O>, keyof InstanceType<U>> : "not a class") : "official is not a class";',
      'type FnGap<O, U> = O extends Fn ? (U extends Fn ? (Parameters<O> extends Parameters<U> ? (Awaited<ReturnType<U>> extends Awaited<ReturnType<O>> ? never : "result") : "parameters") : "not a function") : "official is not a function";',
      'type ReadGap<O, U> = [U] extends [O] ? never : "not readable as theirs";',
      'type WriteGap<O, U> = [O] extends [U] ? never : "does not take their values";',
      'type KeyGap<O, U> = Exclude<keyof O, keyof U>;',
      'type FluentGap<O, U> = O extends Fn ? (U extends Fn ? (Parameters<O> extends Parameters<U> ? (ReturnType<U> extends Ours ? never : "result") : "parameters") : "not a function") : "official is not a function";',
      'type Ok<Gap> = [Gap] extends [never] ? true : Gap;',
    ];
    let n = 0;
    const check = (gap: string, label: string): void => {
      lines.push(`export const c${n++}: Ok<${gap}> = true; // ${label}`);
    };
    for (const key of official.requestOptionKeys) {
      check(`WriteGap<Required<OfficialOptions>['${key}'], Required<OurOptions>['${key}']> | KeyGap<Pick<Required<OfficialOptions>, '${key}'>, Required<OurOptions>>`, `RequestOptions.${key}`);
    }
    for (const s of official.statics) {
      const [o, u] = [`(typeof Official)['${s.name}']`, `(typeof Ours)['${s.name}']`];
      if (s.kind === 'class') check(`ClassGap<${o}, ${u}>`, `static ${s.name}`);
      else if (s.kind === 'function') check(`FnGap<${o}, ${u}>`, `static ${s.name}`);
      else check(`ReadGap<${o}, ${u}> | WriteGap<${o}, ${u}>`, `static ${s.name}`);
    }
    for (const m of [...official.instance, { name: 'fetch', kind: 'property' as const, readonly: false }]) {
      // `fetch` is private in their class, so it has no indexable type there: compare with the global fetch.
      const [o, u] = [m.name === 'fetch' ? 'typeof fetch' : `Official['${m.name}']`, `Ours['${m.name}']`];
      if (m.kind === 'method') check(`FnGap<${o}, ${u}>`, `client.${m.name}()`);
      else if (m.kind === 'fluent') check(`FluentGap<${o}, ${u}>`, `client.${m.name}()`);
      else if (m.kind === 'resource') check(`KeyGap<${o}, ${u}>`, `client.${m.name}`);
      else check(`ReadGap<${o}, ${u}>${m.readonly ? '' : ` | WriteGap<${o}, ${u}>`}`, `client.${m.name}`);
    }
    lines.push('// protected idempotencyHeader, reachable from a subclass as in theirs', 'export class Sub extends Ours { header(): string | undefined { return this.idempotencyHeader; } }');
    const root = tempDir('surface');
    writeFileSync(path.join(root, 'surface.ts'), `${lines.join('\n')}\n`);
    const result = await tsc(root);
    const failing = [...result.output.matchAll(/surface\.ts\((\d+),/g)].map((m) => `${lines[Number(m[1]) - 1]?.split('// ')[1]}`);
    expect([...new Set(failing)], result.output.slice(0, 4000)).toEqual([]);
    expect(result.ok, result.output.slice(0, 4000)).toBe(true);
    // Sanity: the check is not vacuous.
    expect(n).toBeGreaterThan(official.requestOptionKeys.length + official.statics.length + 10);
  }, 300_000);
});
