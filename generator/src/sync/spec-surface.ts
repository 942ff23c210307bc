/**
 * The curated spec's side of `retell-kit sync`: the core's SDK surface (`sdkSurface(model)`, the owner of
 * method ids, routes, verbs, positional arguments and type names, shared with the facade emitter and the
 * diff) and the IR's type tree walked into the same field paths as the SDK side (`sdk-surface.ts`). Nothing
 * here reads the raw document: the model, the surface and the type tree are the owners.
 */
import { buildTypeTree, multipartConvention, resolveRef, sdkSurface, type ApiModel, type LoadedSpec, type TypeNode, type TypeTree } from '../core.js';
import {
  FieldCollector,
  MAX_FIELD_DEPTH,
  depthOf,
  joinPath,
  kindFacts,
  routeShape,
  sortedUnique,
  type ApiSurface,
  type FieldKind,
  type MethodFact,
} from './surface.js';

export function specSurface(spec: LoadedSpec, model: ApiModel, source: string): ApiSurface {
  const tree = buildTypeTree(spec.document, model, spec.file);
  const surface = new Map(sdkSurface(model).methods.map((s) => [s.id, s]));
  const methods: MethodFact[] = [];
  for (const resource of model.resources) {
    for (const m of resource.methods) {
      const op = m.operation;
      const facade = surface.get(`${resource.property}.${m.name}`)!;
      const types = tree.operations.get(op.operationId);
      const params = new FieldCollector();
      const inParams = new Set(m.pathInParams.map((p) => p.name));
      for (const p of types?.params ?? []) {
        if (p.in === 'query' || (p.in === 'path' && inParams.has(p.name))) {
          addField(tree, params, p.name, p.type, p.required, p.description, false);
        }
      }
      for (const f of types?.bodyFields ?? []) addField(tree, params, f.name, f.type, f.required, f.description, f.deprecated);
      const response = new FieldCollector();
      if (types?.response) walk(tree, types.response, '', response, []);
      const description = op.summary ?? op.description;
      methods.push({
        id: facade.id,
        resource: facade.resource,
        method: facade.method,
        verb: facade.verb === 'HEAD' || facade.verb === 'OPTIONS' || facade.verb === 'TRACE' ? 'unknown' : facade.verb,
        route: routeShape(facade.path),
        rawRoute: facade.path,
        positional: facade.positional,
        ...(facade.paramsType !== null ? { paramsType: facade.paramsType } : {}),
        responseType: facade.responseType,
        multipart: op.body?.kind === 'multipart',
        ...(description ? { description } : {}),
        deprecated: op.deprecated,
        params: params.list(),
        response: response.list(),
      });
    }
  }
  return {
    source,
    methods: methods.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    multipart: multipartConvention(spec.bundled),
  };
}

interface Kinds {
  kinds: Set<FieldKind>;
  literals: (string | number)[];
  open: boolean;
}

function kindsOf(tree: TypeTree, node: TypeNode, out: Kinds = { kinds: new Set(), literals: [], open: false }, depth = 0): Kinds {
  if (depth > 16) {
    out.kinds.add('unknown');
    return out;
  }
  const t = node.kind === 'ref' ? resolveRef(tree, node) : node;
  switch (t.kind) {
    case 'primitive':
      out.kinds.add(t.type === 'integer' ? 'number' : t.type === 'binary' ? 'file' : t.type);
      if (t.type !== 'null') out.open = true;
      break;
    case 'literal':
      for (const v of t.values) {
        if (v === null) out.kinds.add('null');
        else if (typeof v === 'boolean') {
          out.kinds.add('boolean');
          out.open = true;
        } else {
          out.kinds.add(typeof v === 'number' ? 'number' : 'string');
          out.literals.push(v);
        }
      }
      break;
    case 'array':
      out.kinds.add('array');
      break;
    case 'map':
    case 'object':
      out.kinds.add('object');
      break;
    case 'union':
      for (const v of t.variants) kindsOf(tree, v, out, depth + 1);
      break;
    default:
      out.kinds.add('unknown');
  }
  return out;
}

function addField(
  tree: TypeTree,
  out: FieldCollector,
  fieldPath: string,
  type: TypeNode,
  required: boolean,
  description: string | undefined,
  deprecated: boolean,
  stack: readonly string[] = [],
): void {
  const k = kindsOf(tree, type);
  out.add({
    path: fieldPath,
    ...kindFacts(k.kinds, k.literals, k.open),
    required,
    ...(description ? { description } : {}),
    ...(deprecated ? { deprecated: true } : {}),
  });
  if (depthOf(fieldPath) < MAX_FIELD_DEPTH) walk(tree, type, fieldPath, out, stack);
}

/** Walks the fields under `node` (objects, union members, array items) into `out`, below `prefix`. */
function walk(tree: TypeTree, node: TypeNode, prefix: string, out: FieldCollector, stack: readonly string[]): void {
  if (stack.length > 24) return;
  if (node.kind === 'ref') {
    if (stack.includes(node.key)) return;
    walk(tree, resolveRef(tree, node), prefix, out, [...stack, node.key]);
    return;
  }
  switch (node.kind) {
    case 'object':
      for (const f of node.fields) {
        const fieldPath = joinPath(prefix, f.name);
        if (depthOf(fieldPath) > MAX_FIELD_DEPTH) continue;
        addField(tree, out, fieldPath, f.type, f.required, f.description, f.deprecated, stack);
      }
      break;
    case 'union':
      for (const v of node.variants) walk(tree, v, prefix, out, stack);
      break;
    case 'array':
      if (prefix.split('[]').length <= 4) walk(tree, node.items, `${prefix}[]`, out, stack);
      break;
    default:
      break;
  }
}
