/**
 * Type-tree nodes to Python annotations, and the `types.py` module: a `TypedDict` per object (component
 * schemas under their TypeScript names, inline objects named after where they sit), a type alias per
 * other named schema, discriminated unions as unions of `TypedDict`s tagged with `Literal` fields.
 * Every reference is quoted, so declarations may come in any order and recursive schemas work.
 */
import type { FieldNode, LiteralValue, NamedType, TypeNode, TypeTree } from '../../ir/type-tree.js';
import { docstring, pyStr } from './literals.js';
import { isPyIdentifier, pascalPart, PyScope } from './naming.js';
import { importUsed } from './imports.js';

interface Declaration {
  readonly name: string;
  /** Text of the declaration (class or alias), ending with a newline. */
  text: string;
}

/** Names the types module imports from typing and the runtime. */
const MODULE_NAMES = ['TypedDict', 'Required', 'NotRequired', 'Literal', 'Union', 'List', 'Dict', 'TypeAlias', 'FileTypes'];

export class TypeRegistry {
  private readonly scope = new PyScope(MODULE_NAMES);
  private readonly declarations: Declaration[] = [];
  /** Inline object / union nodes already declared, by identity (the tree shares nodes). */
  private readonly inline = new Map<TypeNode, string>();
  readonly schemaNames = new Map<string, string>();

  constructor(
    private readonly tree: TypeTree,
    schemaTypeNames: ReadonlyMap<string, string>,
  ) {
    for (const s of tree.schemas) this.schemaNames.set(s.key, this.scope.claim(schemaTypeNames.get(s.key) ?? pascalPart(s.key)));
    for (const s of tree.schemas) this.declareSchema(s);
  }

  /** Claims a type name for an operation-level type (params, inline responses). */
  claim(name: string): string {
    return this.scope.claim(name);
  }

  private declareSchema(s: NamedType): void {
    const name = this.schemaNames.get(s.key)!;
    if (s.node.kind === 'object') this.declareObject(name, s.node.fields, s.description, false);
    else this.declareAlias(name, s.node, s.description);
  }

  /** Rendered annotations per quoting function; a node renders the same whatever the hint once its inline parts are named. */
  private readonly cache = new Map<(name: string) => string, Map<TypeNode, string>>();

  /** An annotation for `node`; `hint` names inline objects declared on the way; `quote` writes a type name. */
  render(node: TypeNode, hint: string, quote: (name: string) => string): string {
    let cache = this.cache.get(quote);
    if (!cache) this.cache.set(quote, (cache = new Map()));
    let text = cache.get(node);
    if (text === undefined) {
      text = this.renderNode(node, hint, quote);
      cache.set(node, text);
    }
    return text;
  }

  private renderNode(node: TypeNode, hint: string, quote: (name: string) => string): string {
    switch (node.kind) {
      case 'ref':
        return quote(this.schemaNames.get(node.key) ?? 'object');
      case 'primitive':
        return { string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'None', binary: quote('FileTypes') }[node.type];
      case 'unknown':
        return 'object';
      case 'literal':
        return literalType(node.values);
      case 'array':
        return `List[${this.render(node.items, `${hint}Item`, quote)}]`;
      case 'map':
        return `Dict[str, ${this.render(node.values, `${hint}Value`, quote)}]`;
      case 'object': {
        let name = this.inline.get(node);
        if (!name) {
          name = this.scope.claim(hint);
          this.inline.set(node, name);
          this.declareObject(name, node.fields, undefined, false);
        }
        return quote(name);
      }
      case 'union': {
        const parts = node.variants.map((v, i) => this.render(v, node.variants.length > 1 ? `${hint}Variant${i + 1}` : hint, quote));
        const unique = [...new Set(parts)];
        const nonNull = unique.filter((p) => p !== 'None');
        const ordered = unique.includes('None') ? [...nonNull, 'None'] : nonNull;
        return ordered.length === 1 ? ordered[0]! : `Union[${ordered.join(', ')}]`;
      }
    }
  }

  /** Quoted form used inside types.py (evaluated at import time, so forward references must be strings). */
  local(node: TypeNode, hint: string): string {
    return this.render(node, hint, quoteLocal);
  }

  declareAlias(name: string, node: TypeNode, description?: string): void {
    const decl: Declaration = { name, text: '' };
    this.declarations.push(decl);
    const rhs = this.local(node, name);
    decl.text = `${name}: TypeAlias = ${rhs}\n${description ? docstring(description, '') : ''}`;
  }

  /** A TypedDict; `partial` makes every field optional (params of methods whose fields are all optional). */
  declareObject(name: string, fields: readonly FieldNode[], description: string | undefined, partial: boolean): void {
    const decl: Declaration = { name, text: '' };
    this.declarations.push(decl);
    const rows = fields.map((f) => {
      const type = this.local(f.type, `${name}${pascalPart(f.name)}`);
      const required = f.required && !partial;
      return { field: f, annotation: required ? `Required[${type}]` : `NotRequired[${type}]` };
    });
    if (rows.every((r) => isPyIdentifier(r.field.name))) {
      let text = `class ${name}(TypedDict):\n${description ? docstring(description, '    ') + '\n' : ''}`;
      if (rows.length === 0) text += '    pass\n';
      for (const r of rows) {
        text += `    ${r.field.name}: ${r.annotation}\n`;
        if (r.field.description) text += docstring(r.field.description, '    ');
      }
      decl.text = text;
    } else {
      // Keys that are not identifiers (or are keywords) need the functional syntax.
      const body = rows.map((r) => `    ${pyStr(r.field.name)}: ${r.annotation},`).join('\n');
      decl.text = `${name} = TypedDict(\n    ${pyStr(name)},\n    {\n${body.replace(/^/gm, '    ')}\n    },\n)\n${description ? docstring(description, '') : ''}`;
    }
  }

  /** The declared type names, in declaration order. */
  names(): string[] {
    return this.declarations.map((d) => d.name);
  }

  printModule(header: string): string {
    const body = this.declarations.map((d) => d.text).join('\n\n');
    const head = [
      header,
      '"""Request and response types of the Retell API, generated from the schemas of the OpenAPI document."""',
      '',
      importUsed('typing', ['Dict', 'List', 'Literal', 'NotRequired', 'Required', 'TypeAlias', 'TypedDict', 'Union'], body),
      importUsed('.._runtime', ['FileTypes'], body),
      `__all__ = [${this.names().sort().map((n) => pyStr(n)).join(', ')}]`,
      '',
    ].join('\n');
    return `${head}\n${body}`;
  }

  get typeTree(): TypeTree {
    return this.tree;
  }
}

const quoteLocal = (name: string): string => (name === 'FileTypes' ? name : pyStr(name));

function literalType(values: readonly LiteralValue[]): string {
  // typing.Literal takes str, int, bool and None only.
  if (values.some((v) => typeof v === 'number' && !Number.isInteger(v))) return values.includes(null) ? 'Union[float, None]' : 'float';
  const lits = values.filter((v) => v !== null).map((v) => (typeof v === 'string' ? pyStr(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)));
  const nullable = values.includes(null);
  if (lits.length === 0) return 'None';
  const lit = `Literal[${[...new Set(lits)].join(', ')}]`;
  return nullable ? `Union[${lit}, None]` : lit;
}
