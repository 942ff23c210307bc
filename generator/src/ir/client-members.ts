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
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';

const SOURCE_DIRS = ['../../../packages/sdk/src/lib/', '../../../packages/client/src/runtime/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));

interface ClassFacts {
  readonly members: readonly string[];
  readonly base?: string;
}

function memberName(name: ts.PropertyName | undefined): string | undefined {
  if (!name || ts.isPrivateIdentifier(name) || ts.isComputedPropertyName(name)) return undefined;
  return name.text;
}

function readClass(node: ts.ClassDeclaration): ClassFacts {
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
  for (const dir of SOURCE_DIRS) {
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
