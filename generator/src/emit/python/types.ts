/**
 * Type-tree nodes to Python types, in two flavours that share one name scope (both are re-exported by
 * `retell.types`):
 * - `model`: response models (`models.py`), a `BaseModel` subclass per object with its fields as annotations,
 *   aliases for unions, and a `register(...)` per class for what the runtime needs at run time: which fields
 *   hold models (conversions) and which Python names differ from the wire (`from_` for `from`).
 *   Component schemas keep their TypeScript names (`AgentResponse`), as the official SDK's models do.
 * - `param`: request shapes (`params.py`), a `TypedDict` per object, as the official SDK's params; component
 *   schemas get a `Param` suffix (`ResponseEngineRetellLlmParam`) so a schema can be both.
 * Declarations are made on first use, so each module holds only the types its side of the API reaches.
 */
import type { FieldNode, LiteralValue, TypeNode, TypeTree } from '../../ir/type-tree.js';
import { resolveRef } from '../../ir/type-tree.js';
import { docstring, pyStr } from './literals.js';
import { isPyIdentifier, pascalPart, PY_KEYWORDS, PyScope } from './naming.js';
import { wrapText } from './wrap.js';

export type TypeFlavor = 'model' | 'param';

interface Declaration {
  readonly name: string;
  text: string;
  /** Model flavour: the `register(...)` call of the class, if it needs one. */
  register?: string;
}

/** Names the generated modules import (from typing, typing_extensions and the runtime). */
export const MODULE_NAMES = [
  'TypedDict', 'Required', 'NotRequired', 'Literal', 'Union', 'Optional', 'List', 'Dict', 'TypeAlias', 'FileTypes',
  'BaseModel', 'PageModel', 'register', 'list_of', 'dict_of', 'union_of', 'annotations',
];

/** Members of the runtime's BaseModel that a field may not shadow. */
const MODEL_MEMBERS = new Set([
  'to_dict', 'to_json', 'model_dump', 'model_dump_json', 'model_construct', 'construct', 'model_extra',
  'model_fields_set', 'auto_paging_iter', 'has_next_page',
]);

/** The Python attribute of a model field (`from` → `from_`, `to_dict` → `to_dict_`, `a-b` → `a_b`). */
export function modelFieldName(wire: string): string {
  let name = wire.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9]/.test(name)) name = `f_${name}`;
  if (name.startsWith('_')) name = `f${name}`;
  if (PY_KEYWORDS.has(name) || MODEL_MEMBERS.has(name)) name = `${name}_`;
  return name;
}

export class TypeRegistry {
  private readonly declarations: Declaration[] = [];
  /** Inline object nodes already declared, by identity (the tree shares nodes). */
  private readonly inline = new Map<TypeNode, string>();
  /** Component schema key → declared name (declared on first use). */
  readonly schemaNames = new Map<string, string>();
  private readonly cache = new Map<(name: string) => string, Map<TypeNode, string>>();

  constructor(
    private readonly tree: TypeTree,
    private readonly schemaTypeNames: ReadonlyMap<string, string>,
    private readonly scope: PyScope,
    readonly flavor: TypeFlavor,
    /** Model flavour: paginated list responses (schema key or inline node) → their item type. */
    private readonly pages: ReadonlyMap<string | TypeNode, TypeNode> = new Map(),
  ) {}

  get typeTree(): TypeTree {
    return this.tree;
  }

  /** Claims a type name for an operation-level type (params, inline responses). */
  claim(name: string): string {
    return this.scope.claim(name);
  }

  /** The declared name of a component schema, declaring it on first use. */
  schemaName(key: string): string {
    let name = this.schemaNames.get(key);
    if (name) return name;
    const s = this.tree.schemas.find((x) => x.key === key);
    const base = this.schemaTypeNames.get(key) ?? pascalPart(key);
    name = this.scope.claim(this.flavor === 'param' ? `${base}Param` : base);
    this.schemaNames.set(key, name);
    if (!s) this.declareAlias(name, { kind: 'unknown' });
    else if (s.node.kind === 'object') this.declareObject(name, s.node.fields, s.description, this.pages.get(key));
    else this.declareAlias(name, s.node, s.description);
    return name;
  }

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
        return quote(this.schemaName(node.key));
      case 'primitive':
        return { string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'None', binary: 'FileTypes' }[node.type];
      case 'unknown':
        return 'object';
      case 'literal':
        return literalType(node.values);
      case 'array':
        return `List[${this.render(node.items, `${hint}Item`, quote)}]`;
      case 'map':
        return `Dict[str, ${this.render(node.values, `${hint}Value`, quote)}]`;
      case 'object':
        return quote(this.inlineName(node, hint));
      case 'union': {
        const parts = node.variants.map((v, i) => this.render(v, node.variants.length > 1 ? `${hint}Variant${i + 1}` : hint, quote));
        const unique = [...new Set(parts)];
        const nonNull = unique.filter((p) => p !== 'None');
        const ordered = unique.includes('None') ? [...nonNull, 'None'] : nonNull;
        if (ordered.length === 1) return ordered[0]!;
        if (ordered.length === 2 && ordered[1] === 'None') return `Optional[${ordered[0]}]`;
        return `Union[${ordered.join(', ')}]`;
      }
    }
  }

  private inlineName(node: Extract<TypeNode, { kind: 'object' }>, hint: string): string {
    let name = this.inline.get(node);
    if (!name) {
      name = this.scope.claim(hint);
      this.inline.set(node, name);
      this.declareObject(name, node.fields, undefined, this.pages.get(node));
    }
    return name;
  }

  /** Names as evaluated at import time (alias right-hand sides, base classes): forward references quoted. */
  local(node: TypeNode, hint: string): string {
    return this.render(node, hint, quoteLocal);
  }

  /** Names in annotations (not evaluated: every generated module has `from __future__ import annotations`). */
  annotation(node: TypeNode, hint: string): string {
    return this.render(node, hint, plain);
  }

  declareAlias(name: string, node: TypeNode, description?: string): void {
    const decl: Declaration = { name, text: '' };
    this.declarations.push(decl);
    const rhs = this.local(node, name);
    decl.text = `${name}: TypeAlias = ${rhs}\n${description ? docstring(wrapText(description), '') : ''}`;
  }

  /** A TypedDict (param flavour) or a model class (model flavour) with these fields. */
  declareObject(name: string, fields: readonly FieldNode[], description: string | undefined, pageItem?: TypeNode): void {
    if (this.flavor === 'model') this.declareModel(name, fields, description, pageItem);
    else this.declareTypedDict(name, fields, description);
  }

  private declareTypedDict(name: string, fields: readonly FieldNode[], description: string | undefined): void {
    const decl: Declaration = { name, text: '' };
    this.declarations.push(decl);
    const rows = fields.map((f) => {
      const type = this.local(f.type, `${name}${pascalPart(f.name)}`);
      return { field: f, annotation: f.required ? `Required[${type}]` : type };
    });
    const doc = description ? docstring(wrapText(description), '    ') : '';
    if (rows.every((r) => isPyIdentifier(r.field.name))) {
      let text = `class ${name}(TypedDict, total=False):\n${doc}`;
      if (doc && rows.length > 0) text += '\n';
      if (rows.length === 0 && !doc) text += '    pass\n';
      for (const r of rows) {
        text += `    ${r.field.name}: ${r.annotation}\n`;
        if (r.field.description) text += docstring(wrapText(r.field.description), '    ') + '\n';
      }
      decl.text = text.replace(/\n+$/, '\n');
    } else {
      // Keys that are not identifiers (or are keywords) need the functional syntax.
      const body = rows.map((r) => `        ${pyStr(r.field.name)}: ${r.annotation},`).join('\n');
      decl.text = `${name} = TypedDict(\n    ${pyStr(name)},\n    {\n${body}\n    },\n    total=False,\n)\n${doc ? docstring(wrapText(description!), '') : ''}`;
    }
  }

  private declareModel(name: string, fields: readonly FieldNode[], description: string | undefined, pageItem?: TypeNode): void {
    const decl: Declaration = { name, text: '' };
    this.declarations.push(decl);
    const base = pageItem ? `PageModel[${this.local(pageItem, `${name}Item`)}]` : 'BaseModel';
    const doc = description ? docstring(wrapText(description), '    ') : '';
    let text = `class ${name}(${base}):\n${doc}`;
    if (doc && fields.length > 0) text += '\n';
    if (fields.length === 0 && !doc) text += '    pass\n';
    const taken = new Set<string>();
    const conv: string[] = [];
    const alias: string[] = [];
    for (const f of fields) {
      let attr = modelFieldName(f.name);
      while (taken.has(attr)) attr = `${attr}_`;
      taken.add(attr);
      const t = this.annotation(f.type, `${name}${pascalPart(f.name)}`);
      const optional = f.required || t === 'None' || t.startsWith('Optional[') ? t : `Optional[${t}]`;
      text += `    ${attr}: ${optional}\n`;
      if (f.description) text += docstring(wrapText(f.description), '    ') + '\n';
      const c = this.conv(f.type, new Set());
      if (c) conv.push(`${pyStr(attr)}: ${c}`);
      if (attr !== f.name) alias.push(`${pyStr(attr)}: ${pyStr(f.name)}`);
    }
    decl.text = text.replace(/\n+$/, '\n');
    if (conv.length > 0 || alias.length > 0) {
      const args = [name];
      if (conv.length > 0) args.push(`conv={${conv.join(', ')}}`);
      if (alias.length > 0) args.push(`alias={${alias.join(', ')}}`);
      decl.register = `register(${args.join(', ')})`;
    }
  }

  /** The run-time conversion of a JSON value of this type (a model class, `list_of(...)`...), or undefined. */
  conv(node: TypeNode, visiting: Set<string>, quote: (name: string) => string = plain): string | undefined {
    switch (node.kind) {
      case 'ref': {
        const target = resolveRef(this.tree, node);
        if (target.kind === 'object') return quote(this.schemaName(node.key));
        if (visiting.has(node.key)) return undefined;
        visiting.add(node.key);
        const c = this.conv(target, visiting, quote);
        visiting.delete(node.key);
        return c;
      }
      case 'object': {
        const name = this.inline.get(node);
        return name ? quote(name) : undefined;
      }
      case 'array': {
        const c = this.conv(node.items, visiting, quote);
        return c ? `list_of(${c})` : undefined;
      }
      case 'map': {
        const c = this.conv(node.values, visiting, quote);
        return c ? `dict_of(${c})` : undefined;
      }
      case 'union': {
        const parts = node.variants.map((v) => ({ v, c: this.conv(v, visiting, quote) })).filter((p) => p.c !== undefined);
        if (parts.length === 0) return undefined;
        if (parts.length === 1 && node.variants.length <= 2) return parts[0]!.c;
        const field = node.discriminator ?? this.guessDiscriminator(parts.map((p) => p.v));
        const mapping: string[] = [];
        if (field) {
          for (const p of parts) {
            const obj = resolveRef(this.tree, p.v);
            const tag = obj.kind === 'object' ? obj.fields.find((f) => f.name === field) : undefined;
            const lit = tag ? resolveRef(this.tree, tag.type) : undefined;
            if (lit?.kind === 'literal') for (const v of lit.values) if (typeof v === 'string') mapping.push(`${pyStr(v)}: ${p.c}`);
          }
        }
        const args = parts.map((p) => p.c!);
        if (field && mapping.length > 0) args.push(`field=${pyStr(field)}`, `mapping={${mapping.join(', ')}}`);
        return `union_of(${args.join(', ')})`;
      }
      default:
        return undefined;
    }
  }

  /** A field that is a string literal in every object variant (`type`), when the spec names none. */
  private guessDiscriminator(variants: readonly TypeNode[]): string | undefined {
    const objects = variants.map((v) => resolveRef(this.tree, v));
    if (objects.some((o) => o.kind !== 'object')) return undefined;
    const first = objects[0] as Extract<TypeNode, { kind: 'object' }>;
    return first.fields.find((f) =>
      objects.every((o) => {
        const field = (o as Extract<TypeNode, { kind: 'object' }>).fields.find((x) => x.name === f.name);
        return field !== undefined && resolveRef(this.tree, field.type).kind === 'literal';
      }),
    )?.name;
  }

  /** The declared type names, in declaration order. */
  names(): string[] {
    return this.declarations.map((d) => d.name);
  }

  /** The declarations, then (models) the `register(...)` calls. */
  body(): string {
    const text = this.declarations.map((d) => d.text).join('\n\n');
    const registers = this.declarations.filter((d) => d.register).map((d) => d.register!);
    return registers.length > 0 ? `${text}\n\n${registers.join('\n')}\n` : text;
  }
}

const quoteLocal = (name: string): string => (name === 'FileTypes' ? name : pyStr(name));
const plain = (name: string): string => name;

function literalType(values: readonly LiteralValue[]): string {
  // typing.Literal takes str, int, bool and None only.
  if (values.some((v) => typeof v === 'number' && !Number.isInteger(v))) return values.includes(null) ? 'Optional[float]' : 'float';
  const lits = values.filter((v) => v !== null).map((v) => (typeof v === 'string' ? pyStr(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)));
  const nullable = values.includes(null);
  if (lits.length === 0) return 'None';
  const lit = `Literal[${[...new Set(lits)].join(', ')}]`;
  return nullable ? `Optional[${lit}]` : lit;
}
