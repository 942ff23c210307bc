/**
 * The Python view of each facade method, decided once and shared by the resource classes, the method
 * table, the examples and api.md: the Python names, which arguments are positional (path parameters, as
 * in the official SDK) and which keyword-only (body fields, query parameters, path parameters that travel
 * in the params), their types, the return type and pagination.
 */
import type { FieldNode, TypeNode, TypeTree } from '../../ir/type-tree.js';
import { resolveRef } from '../../ir/type-tree.js';
import type { ApiModel, MethodModel, OperationModel, ParamModel } from '../../ir/types.js';
import { constName, pascalPart, pyArgName, pyMemberName, pyResourceName } from './naming.js';
import type { TypeRegistry } from './types.js';

export interface PyArg {
  readonly py: string;
  readonly wire: string;
  readonly where: 'path' | 'query' | 'body';
  readonly required: boolean;
  readonly type: TypeNode;
  readonly description?: string;
  readonly example?: unknown;
}

export interface PyMethod {
  readonly resource: string;
  readonly name: string;
  readonly model: MethodModel;
  readonly op: OperationModel;
  readonly opConst: string;
  readonly positional: readonly PyArg[];
  readonly keywords: readonly PyArg[];
  /** Type name of the params TypedDict (absent when the method takes no keyword arguments). */
  readonly paramsType?: string;
  /** Return annotation with `quote` applied to names (see `returnType`). */
  readonly response?: { readonly name?: string; readonly node: TypeNode };
  readonly responseKind: 'json' | 'text' | 'empty';
  /** Cursor pagination: the list's response model is a `PageModel` of these items. */
  readonly page?: { readonly item: TypeNode };
}

export interface PyResource {
  readonly attr: string;
  readonly className: string;
  readonly methods: readonly PyMethod[];
}

const STRING: TypeNode = { kind: 'primitive', type: 'string' };

function pathArg(p: ParamModel, type: TypeNode | undefined): PyArg {
  return {
    py: pyArgName(p.name),
    wire: p.name,
    where: 'path',
    required: true,
    type: type ?? STRING,
    ...(p.description ? { description: p.description } : {}),
    example: p.example,
  };
}

function fieldArg(f: FieldNode, example: Record<string, unknown> | undefined): PyArg {
  return {
    py: pyArgName(f.name),
    wire: f.name,
    where: 'body',
    required: f.required,
    type: f.type,
    ...(f.description ? { description: f.description } : {}),
    ...(example && f.name in example ? { example: example[f.name] } : {}),
  };
}

/** The item type of each paginated response (schema key, or the inline node), for the models' `PageModel` base. */
export function pageItems(model: ApiModel, tree: TypeTree): Map<string | TypeNode, TypeNode> {
  const out = new Map<string | TypeNode, TypeNode>();
  for (const op of model.operations) {
    const response = tree.operations.get(op.operationId)?.response;
    if (!op.pagination || !response) continue;
    const body = resolveRef(tree, response);
    const items = body.kind === 'object' ? body.fields.find((f) => f.name === op.pagination!.itemsField)?.type : undefined;
    const list = items ? resolveRef(tree, items) : undefined;
    if (list?.kind === 'array') out.set(response.kind === 'ref' ? response.key : response, list.items);
  }
  return out;
}

/**
 * Builds the Python view of every resource; declares params (`params`, TypedDicts) and response models
 * (`models`) on the way.
 */
export function pyResources(model: ApiModel, params: TypeRegistry, models: TypeRegistry): PyResource[] {
  const tree = params.typeTree;
  const responseNames = new Map<string, string>();
  const pages = pageItems(model, tree);
  return model.resources.map((r) => ({
    attr: pyResourceName(r.property),
    className: r.className,
    methods: r.methods.map((m): PyMethod => {
      const op = m.operation;
      const opTypes = tree.operations.get(op.operationId);
      const paramType = (name: string, where: string): TypeNode | undefined =>
        opTypes?.params.find((p) => p.name === name && p.in === where)?.type;
      const positional = m.positional.map((p) => pathArg(p, paramType(p.name, 'path')));
      const keywords: PyArg[] = m.pathInParams.map((p) => pathArg(p, paramType(p.name, 'path')));
      for (const q of op.queryParams) {
        keywords.push({
          py: pyArgName(q.name),
          wire: q.name,
          where: 'query',
          required: q.required,
          type: paramType(q.name, 'query') ?? STRING,
          ...(q.description ? { description: q.description } : {}),
          ...(q.required ? { example: q.example } : {}),
        });
      }
      if (op.body && opTypes?.bodyFields) {
        for (const f of opTypes.bodyFields) keywords.push(fieldArg(f, op.body.example));
      }
      // A name can only be taken once (a query parameter and a body field of the same name: the query one is renamed).
      const taken = new Set(positional.map((a) => a.py));
      const unique = keywords.map((a) => {
        let py = a.py;
        if (taken.has(py)) py = pyArgName(`${a.where}_${a.wire}`);
        for (let n = 2; taken.has(py); n++) py = `${a.py}_${n}`;
        taken.add(py);
        return py === a.py ? a : { ...a, py };
      });
      const ordered = [...unique.filter((a) => a.required), ...unique.filter((a) => !a.required)];

      const responseKind = !op.success || op.success.kind === 'empty' ? 'empty' : op.success.kind === 'json' ? 'json' : 'text';
      let response: PyMethod['response'];
      if (responseKind === 'json' && opTypes?.response) {
        const node = opTypes.response;
        if (node.kind === 'ref') response = { node };
        else {
          let name = responseNames.get(op.operationId);
          if (!name) {
            name = models.claim(m.binding.responseType === 'void' ? `${pascalPart(op.fnName)}Response` : m.binding.responseType);
            responseNames.set(op.operationId, name);
            if (node.kind === 'object') models.declareObject(name, node.fields, undefined, pages.get(node));
            else models.declareAlias(name, node);
          }
          response = { name, node };
        }
      }

      let page: PyMethod['page'];
      const item = op.pagination && response ? pages.get(response.node.kind === 'ref' ? response.node.key : response.node) : undefined;
      if (item) page = { item };

      let paramsType: string | undefined;
      if (ordered.length > 0) {
        paramsType = params.claim(m.binding.paramsType);
        params.declareObject(
          paramsType,
          ordered.map((a) => ({ name: a.wire, required: a.required, type: a.type, deprecated: false, ...(a.description ? { description: a.description } : {}) })),
          `Keyword arguments of \`${pyResourceName(r.property)}.${pyMemberName(m.name)}()\`.`,
        );
      }
      return {
        resource: pyResourceName(r.property),
        name: pyMemberName(m.name),
        model: m,
        op,
        opConst: constName(op.fnName),
        positional,
        keywords: ordered,
        ...(paramsType ? { paramsType } : {}),
        ...(response ? { response } : {}),
        responseKind,
        ...(page ? { page } : {}),
      };
    }),
  }));
}
