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
import { fileURLToPath } from 'node:url';
import type { ts as TS } from 'ts-morph';

/**
 * The TypeScript the generator already runs (ts-morph's), loaded on first use: the diff, which also builds
 * the model, pays for it only when a facade name is decided.
 */
let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  return (tsModule ??= (createRequire(import.meta.url)('ts-morph') as { ts: typeof TS }).ts);
}

/** The facade lib and the client runtime sources, found from here whether this runs from src/ or dist/. */
function sourceDirs(): string[] {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const packages = path.join(dir, 'packages');
    if (existsSync(path.join(packages, 'sdk', 'src', 'lib')) && existsSync(path.join(packages, 'client', 'src', 'runtime'))) {
      return [path.join(packages, 'sdk', 'src', 'lib') + path.sep, path.join(packages, 'client', 'src', 'runtime') + path.sep];
    }
  }
  throw new Error('client-members: packages/sdk/src/lib and packages/client/src/runtime not found above the core package');
}

interface ClassFacts {
  readonly members: readonly string[];
  readonly base?: string;
}

function memberName(name: TS.PropertyName | undefined): string | undefined {
  const ts = typescript();
  if (!name || ts.isPrivateIdentifier(name) || ts.isComputedPropertyName(name)) return undefined;
  return name.text;
}

function readClass(node: TS.ClassDeclaration): ClassFacts {
  const ts = typescript();
  const members: string[] = [];
  for (const m of node.members) {
    const isStatic = ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic) continue;
    if (ts.isConstructorDeclaration(m)) {
      // Parameter properties (`constructor(protected readonly x)`) are members too.
      for (const p of m.parameters) if (ts.getModifiers(p)?.length && ts.isIdentifier(p.name)) members.push(p.name.text);
      continue;
    }
    const name = memberName(m.name);
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
  const ts = typescript();
  for (const dir of sourceDirs()) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      const source = ts.createSourceFile(file, readFileSync(dir + file, 'utf8'), ts.ScriptTarget.Latest, false);
      for (const statement of source.statements) {
        if (ts.isClassDeclaration(statement) && statement.name) classes.set(statement.name.text, readClass(statement));
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
