/**
 * The names a generated resource property or method must not take, read from the hand-written base
 * classes themselves: every instance member of `RetellClient` and the classes it extends (the root
 * `Retell` class's resource getters would override them, TS2416), every member of `APIResource` (the
 * resource classes' methods), plus what every object inherits from `Object.prototype`. A member added
 * to one of those classes is reserved on the next `pnpm generate`, with no list to keep in step.
 *
 * The classes are parsed, not imported: the runtime may not be built yet, and parsing a few small files
 * with the TypeScript the emitters load anyway costs a few milliseconds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ts as TS } from 'ts-morph';

/**
 * The repository whose facade lib and client runtime define the base classes: found from the working
 * directory upwards (the generator and the diff run inside it). No `import.meta` here, so the core's source
 * builds to CommonJS as well as ESM.
 */
function repository(): string | undefined {
  for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'packages', 'sdk', 'src', 'lib')) && existsSync(path.join(dir, 'packages', 'client', 'src', 'runtime'))) return dir;
  }
  return undefined;
}

/**
 * The TypeScript the generator already runs (ts-morph's), loaded on first use from the repository's own
 * dependencies: the diff, which also builds the model, pays for it only when a facade name is decided.
 */
let tsModule: typeof TS | undefined;
function typescript(root: string): typeof TS {
  return (tsModule ??= (createRequire(path.join(root, 'package.json'))('ts-morph') as { ts: typeof TS }).ts);
}

/**
 * Outside the repository (a packed core), the members as of this writing: the names the base classes
 * declared when the list was last checked against them (`test/generator/edge-specs.test.ts` reads the classes).
 */
const KNOWN_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RetellClient: [
    'request', 'requestPage', 'withOptions', 'GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'use',
    'eject', 'toJSON', 'apiKey', 'baseURL', 'timeout', 'maxRetries', 'options', 'logger', 'logLevel', 'fetch', 'get', 'post',
    'put', 'patch', 'delete', 'fetchOptions', 'buildRequest', 'buildURL', 'fetchWithTimeout', '_options', '_client',
  ],
  APIResource: ['_client'],
};

interface ClassFacts {
  readonly members: readonly string[];
  readonly base?: string;
}

function memberName(ts: typeof TS, name: TS.PropertyName | undefined): string | undefined {
  if (!name || ts.isPrivateIdentifier(name) || ts.isComputedPropertyName(name)) return undefined;
  return name.text;
}

function readClass(ts: typeof TS, node: TS.ClassDeclaration): ClassFacts {
  const members: string[] = [];
  for (const m of node.members) {
    const isStatic = ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic) continue;
    if (ts.isConstructorDeclaration(m)) {
      // Parameter properties (`constructor(protected readonly x)`) are members too.
      for (const p of m.parameters) if (ts.getModifiers(p)?.length && ts.isIdentifier(p.name)) members.push(p.name.text);
      continue;
    }
    const name = memberName(ts, m.name);
    if (name !== undefined) members.push(name);
  }
  const extendsClause = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return { members, ...(extendsClause && ts.isIdentifier(extendsClause) ? { base: extendsClause.text } : {}) };
}

let classes: Map<string, ClassFacts> | undefined;

/** Every class declared in the facade's lib and the client runtime, by name. */
function allClasses(): Map<string, ClassFacts> {
  if (classes) return classes;
  classes = new Map();
  const root = repository();
  if (!root) {
    for (const [name, members] of Object.entries(KNOWN_MEMBERS)) classes.set(name, { members });
    return classes;
  }
  const ts = typescript(root);
  for (const dir of [path.join(root, 'packages', 'sdk', 'src', 'lib') + path.sep, path.join(root, 'packages', 'client', 'src', 'runtime') + path.sep]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      const source = ts.createSourceFile(file, readFileSync(dir + file, 'utf8'), ts.ScriptTarget.Latest, false);
      for (const statement of source.statements) {
        if (ts.isClassDeclaration(statement) && statement.name) classes.set(statement.name.text, readClass(ts, statement));
      }
    }
  }
  return classes;
}

/** Instance members of `className` and of every class it extends, plus `Object.prototype`'s. */
export function instanceMembers(className: string): ReadonlySet<string> {
  const out = new Set<string>(['constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);
  const seen = new Set<string>();
  for (let name: string | undefined = className; name && !seen.has(name); ) {
    seen.add(name);
    const facts = allClasses().get(name);
    if (!facts) throw new Error(`client-members: class ${name} not found in the facade lib or the client runtime`);
    for (const m of facts.members) out.add(m);
    name = facts.base;
  }
  return out;
}
