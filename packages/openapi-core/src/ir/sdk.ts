/**
 * Facade model: which resource class and method each operation gets, and the exported type names.
 * With `x-sdk` the spec decides (a list binds one route to several methods); without it the names come
 * from a `resource/method` operationId (GitHub style), else from the first tag and the operationId.
 */
import { SpecError } from '../errors.js';
import { kebabCase, methodName, NameScope, pascalCase, resourceProperty, typeName } from './naming.js';
import type { RawSdkEntry } from './operation.js';
import type { MethodModel, OperationModel, ResourceModel, SdkBinding } from './types.js';

interface DraftOperation {
  readonly model: Omit<OperationModel, 'sdk' | 'group'>;
  readonly raw: readonly RawSdkEntry[];
  readonly tags: readonly string[];
}

/** Resource and method for an operation without `x-sdk`. */
function derivedEntry(op: DraftOperation): RawSdkEntry {
  const id = op.model.hasOperationId ? op.model.operationId : undefined;
  if (id && id.includes('/')) {
    const cut = id.lastIndexOf('/');
    return { resource: id.slice(0, cut), method: id.slice(cut + 1) };
  }
  return { resource: op.tags[0] ?? 'default', method: op.model.fnName };
}

export interface SdkResult {
  readonly operations: OperationModel[];
  readonly resources: ResourceModel[];
}

export function buildSdk(drafts: readonly DraftOperation[], schemaTypeNames: ReadonlyMap<string, string>, file: string): SdkResult {
  // One namespace for every exported SDK type: schema aliases first, so they keep their plain names.
  const typeScope = new NameScope(schemaTypeNames.values());
  const schemaNames = new Set(schemaTypeNames.values());
  const methodScopes = new Map<string, NameScope>();
  const resourceMethods = new Map<string, MethodModel[]>();
  const classNames = new Map<string, string>();
  // Resource classes keep the official names even where a schema has the same one (`ConversationFlow`):
  // a class merges with a namespace, so the facade decides which name wins where (see emit/sdk/root.ts).
  const classScope = new NameScope();
  const explicit = drafts.some((d) => d.raw.length > 0);
  const classOverrides = readClassOverrides(drafts, file);

  const operations = drafts.map((draft) => {
    const op = draft.model;
    // When the spec uses x-sdk at all, operations without it stay out of the facade (e.g. internal routes).
    const entries = draft.raw.length > 0 ? draft.raw : explicit ? [] : [derivedEntry(draft)];
    const sdk: SdkBinding[] = entries.map((entry) => {
      const property = resourceProperty(entry.resource);
      let className = classNames.get(property);
      if (!className) {
        className = classScope.claim(classOverrides.get(property) ?? typeName(property));
        classNames.set(property, className);
      }
      const scope = methodScopes.get(property) ?? new NameScope();
      methodScopes.set(property, scope);
      const wantedMethod = methodName(entry.method);
      if (draft.raw.length > 0 && scope.has(wantedMethod)) {
        throw new SpecError('duplicate-sdk-method', `x-sdk method ${property}.${wantedMethod} is bound to two operations`, file, `${op.pointer}/x-sdk`);
      }
      const method = scope.claim(wantedMethod);
      const stem = `${className}${pascalCase(method)}`;
      const paramsType = claimType(typeScope, entry.paramsType, `${stem}Params`, file, op.pointer);
      const responseType = responseTypeName(op, entry, stem, typeScope, schemaNames, schemaTypeNames, file);
      const binding: SdkBinding = { resource: property, method, paramsType, responseType };
      const { positional, pathInParams } = splitPathParams(op, entry, file);
      const methods = resourceMethods.get(property) ?? [];
      const takesParams = op.paramsShape !== 'none' || pathInParams.length > 0;
      methods.push({ name: method, operation: op as OperationModel, binding, positional, pathInParams, takesParams, paramsRequired: op.paramsRequired || pathInParams.length > 0 });
      resourceMethods.set(property, methods);
      return binding;
    });
    const group = sdk[0]?.resource ?? resourceProperty(draft.tags[0] ?? 'default');
    return { ...op, sdk, group } as OperationModel;
  });

  // MethodModel kept a reference to the draft; point it at the finished operation.
  const byPointer = new Map(operations.map((o) => [o.pointer, o]));
  const resources: ResourceModel[] = [...resourceMethods.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([property, methods]) => ({
      property,
      className: classNames.get(property)!,
      fileStem: kebabCase(property),
      methods: methods
        .map((m) => ({ ...m, operation: byPointer.get(m.operation.pointer)! }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    }));
  return { operations, resources };
}

/**
 * `x-sdk.className` per resource property. One entry may carry it for its resource; two entries that
 * disagree are an error, since a resource has one class (the order of the path files must not decide).
 */
function readClassOverrides(drafts: readonly DraftOperation[], file: string): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const draft of drafts) {
    for (const entry of draft.raw) {
      if (entry.className === undefined) continue;
      const property = resourceProperty(entry.resource);
      const seen = overrides.get(property);
      if (seen !== undefined && seen !== entry.className) {
        const message = `x-sdk.className "${entry.className}" for resource ${property} disagrees with "${seen}" given elsewhere`;
        throw new SpecError('invalid-extension', message, file, `${draft.model.pointer}/x-sdk`);
      }
      overrides.set(property, entry.className);
    }
  }
  return overrides;
}

/** `x-sdk.positional` picks the positional path params (the rest go in params); absent: all positional. */
function splitPathParams(op: Omit<OperationModel, 'sdk' | 'group'>, entry: RawSdkEntry, file: string) {
  if (!entry.positional) return { positional: op.pathParams, pathInParams: [] };
  for (const name of entry.positional) {
    if (!op.pathParams.some((p) => p.name === name)) {
      throw new SpecError('invalid-extension', `x-sdk.positional names "${name}", which is not a path parameter`, file, `${op.pointer}/x-sdk`);
    }
  }
  return {
    positional: op.pathParams.filter((p) => entry.positional!.includes(p.name)),
    pathInParams: op.pathParams.filter((p) => !entry.positional!.includes(p.name)),
  };
}

function claimType(scope: NameScope, given: string | undefined, fallback: string, file: string, pointer: string): string {
  if (given === undefined) return scope.claim(typeName(fallback));
  const name = typeName(given);
  if (scope.has(name)) {
    throw new SpecError('sdk-type-collision', `x-sdk type name "${given}" is already used by another type`, file, `${pointer}/x-sdk`);
  }
  return scope.claim(name);
}

/**
 * The response type of a facade method: `void` for empty responses, the schema's own name when the
 * response is a plain `$ref` and the spec does not ask for another name, else an alias named by the spec
 * or `<Class><Method>Response`.
 */
function responseTypeName(
  op: Omit<OperationModel, 'sdk' | 'group'>,
  entry: RawSdkEntry,
  stem: string,
  scope: NameScope,
  schemaNames: ReadonlySet<string>,
  schemaTypeNames: ReadonlyMap<string, string>,
  file: string,
): string {
  const success = op.success;
  if (!success || success.kind === 'empty') return 'void';
  const refName = success.schemaRef ? schemaTypeNames.get(success.schemaRef) : undefined;
  if (entry.responseType !== undefined) {
    const wanted = typeName(entry.responseType);
    if (wanted === refName) return wanted;
    if (schemaNames.has(wanted)) {
      throw new SpecError(
        'sdk-type-collision',
        `x-sdk responseType "${entry.responseType}" names a schema that is not this operation's response`,
        file,
        `${op.pointer}/x-sdk`,
      );
    }
    if (scope.has(wanted)) throw new SpecError('sdk-type-collision', `x-sdk responseType "${entry.responseType}" is already used`, file, `${op.pointer}/x-sdk`);
    return scope.claim(wanted);
  }
  if (refName) return refName;
  return scope.claim(typeName(`${stem}Response`));
}

/** True when the binding's response type is declared by the facade (not a schema alias and not void). */
export function isResponseAlias(binding: SdkBinding, schemaTypeNames: ReadonlySet<string>): boolean {
  return binding.responseType !== 'void' && !schemaTypeNames.has(binding.responseType);
}
