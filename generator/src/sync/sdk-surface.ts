/**
 * Reads an official SDK release (its TypeScript sources, which Stainless ships under `src/`) with ts-morph
 * and the type checker, and reduces it to an `ApiSurface`: every resource reachable from the client class,
 * every public method with its HTTP verb and route (read off the `this._client.<verb>(route, …)` call in its
 * body), its positional path arguments, its params and response types walked into field paths with kinds,
 * enum values, docs and defaults, and the multipart convention of the release's form encoder.
 *
 * Nothing of the release is executed: its code is only parsed and type-checked, so a tampered tarball can
 * at worst produce a wrong report.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Node,
  Project,
  SyntaxKind,
  type CallExpression,
  type ClassDeclaration,
  type JSDocableNode,
  type MethodDeclaration,
  type Symbol as MorphSymbol,
  type Type,
} from 'ts-morph';
import { SyncInputError } from './errors.js';
import {
  FieldCollector,
  MAX_FIELD_DEPTH,
  depthOf,
  joinPath,
  kindFacts,
  routeShape,
  sortedUnique,
  type ApiSurface,
  type FieldFact,
  type FieldKind,
  type HttpVerb,
  type MethodFact,
  type MultipartConvention,
} from './surface.js';

const VERBS: Record<string, HttpVerb> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', getAPIList: 'GET' };
/** Types the SDK accepts for file uploads; they are files on the wire, not objects to walk. */
const FILE_TYPES = new Set(['Uploadable', 'FileLike', 'BlobLike', 'ResponseLike', 'FsReadStream', 'File', 'Blob', 'Response', 'ReadableStream', 'ToFileInput']);
/** A bound on how many resources and methods one release may declare, so a hostile package cannot run us long. */
const MAX_METHODS = 5_000;

export interface SdkPackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
}

/** Checks that `dir` holds an SDK release we can read; throws a named error saying what is missing. */
export function readSdkPackage(dir: string): SdkPackage {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) throw new SyncInputError('not-an-sdk', `${dir}: no package.json, so this is not an SDK release`);
  let pkg: { name?: unknown; version?: unknown };
  try {
    pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
  } catch (error) {
    throw new SyncInputError('not-an-sdk', `${manifest}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') {
    throw new SyncInputError('not-an-sdk', `${manifest}: no "name" and "version", so this is not an SDK release`);
  }
  if (!existsSync(path.join(dir, 'src', 'client.ts')) || !existsSync(path.join(dir, 'src', 'resources'))) {
    throw new SyncInputError(
      'not-an-sdk',
      `${dir}: ${pkg.name}@${pkg.version} has no src/client.ts and src/resources/ (a Stainless-built TypeScript SDK ships its sources there)`,
    );
  }
  return { dir, name: pkg.name, version: pkg.version };
}

/** Surfaces already read in this process, by directory and version (a release never changes in place). */
const extracted = new Map<string, ApiSurface>();

export function extractSdkSurface(sdk: SdkPackage): ApiSurface {
  const key = `${path.resolve(sdk.dir)}\0${sdk.name}@${sdk.version}`;
  const known = extracted.get(key);
  if (known) return known;
  const surface = readSurface(sdk);
  extracted.set(key, surface);
  return surface;
}

function readSurface(sdk: SdkPackage): ApiSurface {
  const project = new Project({
    compilerOptions: { strict: true, skipLibCheck: true, noEmit: true, target: 99, module: 99, moduleResolution: 2, types: [] },
    skipAddingFilesFromTsConfig: true,
  });
  const src = path.join(sdk.dir, 'src');
  const clientFile = project.addSourceFileAtPath(path.join(src, 'client.ts'));
  project.addSourceFilesAtPaths(path.join(src, 'resources', '**', '*.ts'));
  project.resolveSourceFileDependencies();

  const client = clientFile.getClasses().find((c) => resourceProperties(c).length > 0);
  if (!client) throw new SyncInputError('not-an-sdk', `${sdk.name}@${sdk.version}: src/client.ts declares no client class with resources`);

  const methods: MethodFact[] = [];
  const visit = (cls: ClassDeclaration, prefix: string, depth: number): void => {
    if (depth > 4) return;
    for (const [property, resourceClass] of resourceProperties(cls)) {
      const resource = joinPath(prefix, property);
      for (const method of publicMethods(resourceClass)) {
        if (methods.length >= MAX_METHODS) throw new SyncInputError('not-an-sdk', `${sdk.name}: more than ${MAX_METHODS} methods`);
        const fact = methodFact(resource, method);
        if (fact) methods.push(fact);
      }
      visit(resourceClass, resource, depth + 1);
    }
  };
  visit(client, '', 0);
  if (methods.length === 0) throw new SyncInputError('not-an-sdk', `${sdk.name}@${sdk.version}: no resource method calls the API`);

  return {
    source: `${sdk.name}@${sdk.version}`,
    version: sdk.version,
    methods: methods.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    multipart: multipartConvention(project, src),
  };
}

/** Properties initialised with `new SomeResource(…)`: the client's resources, or a resource's sub-resources. */
function resourceProperties(cls: ClassDeclaration): [string, ClassDeclaration][] {
  const out: [string, ClassDeclaration][] = [];
  for (const prop of cls.getProperties()) {
    const init = prop.getInitializer();
    if (!init || !Node.isNewExpression(init)) continue;
    const decl = init.getExpression().getType().getSymbol()?.getDeclarations().find(Node.isClassDeclaration)
      ?? prop.getType().getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
    if (decl && decl !== cls) out.push([prop.getName(), decl]);
  }
  return out;
}

function publicMethods(cls: ClassDeclaration): MethodDeclaration[] {
  return cls
    .getMethods()
    .filter((m) => !m.isStatic() && !m.hasModifier(SyntaxKind.PrivateKeyword) && !m.hasModifier(SyntaxKind.ProtectedKeyword))
    .filter((m) => !m.getName().startsWith('_') && !m.getName().startsWith('#'));
}

function clientCall(method: MethodDeclaration): { verb: HttpVerb; call: CallExpression } | undefined {
  for (const call of method.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const verb = VERBS[callee.getName()];
    if (verb && callee.getExpression().getText().replace(/\s/g, '') === 'this._client') return { verb, call };
  }
  return undefined;
}

/** `'/create-agent'` or path`/get-agent/${agentID}` → the route with `{agentID}` placeholders. */
function routeOf(call: CallExpression): string | undefined {
  const first = call.getArguments()[0];
  if (!first) return undefined;
  if (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) return first.getLiteralText();
  const template = Node.isTaggedTemplateExpression(first) ? first.getTemplate() : Node.isTemplateExpression(first) ? first : undefined;
  if (!template) return undefined;
  if (Node.isNoSubstitutionTemplateLiteral(template)) return template.getLiteralText();
  let route = template.getHead().getLiteralText();
  for (const span of template.getTemplateSpans()) route += `{${span.getExpression().getText()}}${span.getLiteral().getLiteralText()}`;
  return route;
}

function methodFact(resource: string, method: MethodDeclaration): MethodFact | undefined {
  const found = clientCall(method);
  if (!found) return undefined;
  const rawRoute = routeOf(found.call) ?? '?';
  const params = method.getParameters().filter((p) => p.getName() !== 'options');
  const positional: string[] = [];
  let paramsType: string | undefined;
  let paramsTypeNode: Type | undefined;
  for (const p of params) {
    const text = p.getTypeNode()?.getText() ?? '';
    if (/^string$/.test(text)) positional.push(p.getName());
    else {
      paramsType = text.split('|')[0]!.trim();
      paramsTypeNode = p.getType();
    }
  }
  const returned = method.getReturnType();
  const responseArg = returned.getTypeArguments()[0] ?? returned.getAliasTypeArguments()[0];
  const responseType = method.getReturnTypeNode()?.getText().match(/<\s*([A-Za-z0-9_.]+)/)?.[1];
  const { description, deprecated } = docsOf(method);
  const requestFields = new FieldCollector();
  if (paramsTypeNode) walkObject(paramsTypeNode, '', requestFields, method);
  const responseFields = new FieldCollector();
  if (responseArg && responseType !== 'void') walkObject(responseArg, '', responseFields, method);
  return {
    id: `${resource}.${method.getName()}`,
    resource,
    method: method.getName(),
    verb: found.verb,
    route: routeShape(rawRoute),
    rawRoute,
    positional,
    ...(paramsType ? { paramsType } : {}),
    ...(responseType ? { responseType } : {}),
    multipart: found.call.getText().includes('multipartFormRequestOptions'),
    ...(description ? { description } : {}),
    deprecated,
    params: requestFields.list(),
    response: responseFields.list(),
  };
}

function docsOf(node: JSDocableNode): { description?: string; deprecated: boolean; default?: string } {
  const docs = node.getJsDocs();
  const description = docs.map((d) => d.getDescription().trim()).filter(Boolean).join('\n\n') || undefined;
  const tags = docs.flatMap((d) => d.getTags());
  const defaultTag = tags.find((t) => t.getTagName() === 'default');
  const defaultText = defaultTag?.getCommentText()?.trim();
  return {
    ...(description ? { description } : {}),
    deprecated: tags.some((t) => t.getTagName() === 'deprecated'),
    ...(defaultText ? { default: defaultText } : {}),
  };
}

interface Classified {
  kinds: Set<FieldKind>;
  literals: (string | number)[];
  /** True when some member is an open primitive (string, number, boolean): no enumeration then. */
  open: boolean;
  objects: Type[];
  items: Type[];
}

function classify(type: Type, out: Classified = { kinds: new Set(), literals: [], open: false, objects: [], items: [] }): Classified {
  const alias = type.getAliasSymbol()?.getName();
  if (alias && FILE_TYPES.has(alias)) {
    out.kinds.add('file');
    return out;
  }
  if (type.isUnion() && !type.isBoolean()) {
    for (const member of type.getUnionTypes()) classify(member, out);
    return out;
  }
  if (type.isStringLiteral()) {
    out.kinds.add('string');
    out.literals.push(type.getLiteralValue() as string);
  } else if (type.isNumberLiteral()) {
    out.kinds.add('number');
    out.literals.push(type.getLiteralValue() as number);
  } else if (type.isBoolean() || type.isBooleanLiteral()) {
    out.kinds.add('boolean');
    out.open = true;
  } else if (type.isString() || type.isTemplateLiteral()) {
    out.kinds.add('string');
    out.open = true;
  } else if (type.isNumber()) {
    out.kinds.add('number');
    out.open = true;
  } else if (type.isNull()) out.kinds.add('null');
  else if (type.isUndefined()) {
    // optionality, not a kind
  } else if (type.isArray() || type.isReadonlyArray()) {
    out.kinds.add('array');
    const item = type.getArrayElementType() ?? type.getTypeArguments()[0];
    if (item) out.items.push(item);
  } else if (type.isAny() || type.isUnknown()) out.kinds.add('unknown');
  else if (type.isObject()) {
    const name = type.getSymbol()?.getName();
    if (name && FILE_TYPES.has(name)) out.kinds.add('file');
    else {
      out.kinds.add('object');
      out.objects.push(type);
    }
  } else out.kinds.add('unknown');
  return out;
}

/** Walks an object type's properties (and union members' properties) into field facts under `prefix`. */
function walkObject(type: Type, prefix: string, out: FieldCollector, at: Node): void {
  const { objects, items } = classify(type);
  for (const obj of objects) {
    for (const prop of obj.getProperties()) walkProperty(prop, prefix, out, at);
  }
  // An array response (`AgentListResponse = AgentResponse[]`) walks its items under `[]`.
  for (const item of items) {
    const itemPath = `${prefix}[]`;
    if (depthOf(prefix) < MAX_FIELD_DEPTH) walkObject(item, itemPath, out, at);
  }
}

function walkProperty(prop: MorphSymbol, prefix: string, out: FieldCollector, at: Node): void {
  const name = prop.getName();
  if (name.startsWith('__')) return;
  const fieldPath = joinPath(prefix, name);
  if (depthOf(fieldPath) > MAX_FIELD_DEPTH) return;
  const decl = prop.getValueDeclaration() ?? prop.getDeclarations()[0];
  const type = decl ? prop.getTypeAtLocation(decl) : prop.getTypeAtLocation(at);
  const info = classify(type);
  const docs = decl && Node.isJSDocable(decl) ? docsOf(decl) : { deprecated: false };
  const optional = prop.isOptional();
  const fact: FieldFact = {
    path: fieldPath,
    ...kindFacts(info.kinds, info.literals, info.open),
    required: !optional,
    ...(docs.description ? { description: docs.description } : {}),
    ...(docs.deprecated ? { deprecated: true } : {}),
    ...('default' in docs && docs.default ? { default: docs.default } : {}),
  };
  out.add(fact);
  if (depthOf(fieldPath) >= MAX_FIELD_DEPTH) return;
  for (const obj of info.objects) {
    for (const child of obj.getProperties()) walkProperty(child, fieldPath, out, decl ?? at);
  }
  for (const item of info.items) walkItems(item, `${fieldPath}[]`, out, decl ?? at);
}

function walkItems(type: Type, itemPath: string, out: FieldCollector, at: Node): void {
  const info = classify(type);
  for (const obj of info.objects) {
    for (const child of obj.getProperties()) walkProperty(child, itemPath, out, at);
  }
  if (itemPath.split('[]').length > 4) return;
  for (const item of info.items) walkItems(item, `${itemPath}[]`, out, at);
}

/**
 * How the release's form encoder (`addFormValue` in `internal/uploads.ts`) writes arrays, objects and file
 * arrays: read from the branches that handle them, `unknown` when the encoder is shaped otherwise.
 */
function multipartConvention(project: Project, src: string): MultipartConvention {
  const unknown: MultipartConvention = { arrays: 'unknown', objects: 'unknown', fileArrays: 'unknown' };
  const file = path.join(src, 'internal', 'uploads.ts');
  if (!existsSync(file)) return unknown;
  const source = project.addSourceFileAtPath(file);
  const encoder = source.getVariableDeclaration('addFormValue')?.getInitializer() ?? source.getFunction('addFormValue');
  if (!encoder) return unknown;
  let arrays: MultipartConvention['arrays'] = 'unknown';
  let objects: MultipartConvention['objects'] = 'unknown';
  let fileArrays: MultipartConvention['fileArrays'] = 'unknown';
  for (const branch of encoder.getDescendantsOfKind(SyntaxKind.IfStatement)) {
    const test = branch.getExpression().getText().replace(/\s/g, '');
    const body = branch.getThenStatement().getText();
    if (test.startsWith('Array.isArray(')) {
      const bracketed = /\+\s*['"]\[\]['"]/.test(body) || body.includes('[]`');
      arrays = body.includes('JSON.stringify') ? 'json-text' : bracketed ? 'brackets' : 'unknown';
      fileArrays = bracketed ? 'brackets' : /addFormValue\(\s*\w+\s*,\s*key\s*,/.test(body) ? 'repeated' : 'unknown';
    } else if (test.startsWith("typeofvalue==='object'") || test.startsWith('typeofvalue==="object"')) {
      objects = body.includes('JSON.stringify') ? 'json-text' : /\$\{key\}\[/.test(body) ? 'brackets' : 'unknown';
    }
  }
  return { arrays, objects, fileArrays };
}
