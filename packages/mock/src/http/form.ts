/**
 * Multipart form → plain object, the inverse of how the client encodes forms: `name[]` appends to an
 * array, `name[key]` sets a field, and `name[][key]` starts a new array element whenever the key is
 * already set on the last one (so `texts[][title], texts[][text], texts[][title]` is two elements).
 * File parts become `UploadedFile`s; everything else stays a string (the validator coerces types).
 * A field name with a key that could reach `Object.prototype`, or nested deeper than the input limit,
 * is refused (`ShapeError`) before anything is assigned.
 */
import { FORBIDDEN_KEYS, forbiddenKeyMessage, MAX_INPUT_DEPTH, quote, ShapeError, shapeProblem } from './shape.js';

export interface UploadedFile {
  readonly filename: string;
  readonly size: number;
  readonly type: string;
}

export type FormValue = string | UploadedFile | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return value !== null && typeof value === 'object' && 'filename' in value && 'size' in value;
}

/** `a[][b]` → `['a', '', 'b']`; a name without brackets is one segment. */
export function splitKey(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const parts = [name.slice(0, open)];
  for (const match of name.slice(open).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1]!);
  return parts;
}

function isRecord(value: FormValue | undefined): value is { [key: string]: FormValue } {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) && !isUploadedFile(value);
}

function assign(container: FormObject | FormValue[], segments: string[], value: FormValue): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(container)) {
    // `[]`: append, or for `[][key]` continue the last element while that key is still free.
    if (rest.length === 0) {
      container.push(value);
      return;
    }
    const last = container[container.length - 1];
    const nextKey = rest[0]!;
    let target: FormObject | FormValue[];
    if (nextKey === '') {
      target = Array.isArray(last) ? last : [];
      if (target !== last) container.push(target);
    } else if (isRecord(last) && (!Object.hasOwn(last, nextKey) || rest.length > 1)) {
      target = last;
    } else {
      target = {};
      container.push(target);
    }
    assign(target, rest, value);
    return;
  }
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  const existing = Object.hasOwn(container, head) ? container[head] : undefined;
  const wantArray = rest[0] === '';
  let target: FormObject | FormValue[];
  if (wantArray) target = Array.isArray(existing) ? existing : [];
  else target = isRecord(existing) ? existing : {};
  container[head] = target;
  assign(target, rest, value);
}

function checkSegments(name: string, segments: readonly string[]): void {
  const bad = segments.find((s) => FORBIDDEN_KEYS.has(s));
  if (bad !== undefined) throw new ShapeError(forbiddenKeyMessage(`form field ${quote(name)}`, bad));
  // The body object is level 1, so a name of n segments reaches level n + 1.
  if (segments.length + 1 > MAX_INPUT_DEPTH) {
    throw new ShapeError(`The request is nested deeper than ${MAX_INPUT_DEPTH} levels at form field ${quote(name)}.`);
  }
}

export function formToObject(form: FormData): FormObject {
  const out: FormObject = {};
  for (const [name, entry] of form.entries()) {
    const value: FormValue =
      typeof entry === 'string' ? entry : { filename: entry.name, size: entry.size, type: entry.type };
    const segments = splitKey(name);
    checkSegments(name, segments);
    if (segments.length === 1) {
      // The official SDKs' form: a list or object as one part holding its JSON text, a list of files as
      // repeated parts under the field's own name.
      const parsed = typeof value === 'string' ? jsonContainer(value) : undefined;
      const existing = Object.hasOwn(out, name) ? out[name] : undefined;
      if (existing !== undefined && !Array.isArray(existing)) out[name] = [existing, parsed ?? value];
      else if (Array.isArray(existing)) existing.push(parsed ?? value);
      else out[name] = parsed ?? value;
      continue;
    }
    // Array segments after the head are `''`; `assign` handles them on the array it creates.
    assign(out, segments, value);
  }
  return out;
}

/** A form value that is the JSON text of an array or object, parsed (bounded like every JSON input); else undefined. */
function jsonContainer(text: string): FormValue | undefined {
  const first = text.trimStart()[0];
  if (first !== '[' && first !== '{') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (shapeProblem(parsed, 'form field') !== undefined) return undefined;
    return parsed as FormValue;
  } catch {
    return undefined;
  }
}

/** Replaces every uploaded file with its name, so a `format: binary` string schema can check the shape. */
export function filesToNames(value: FormValue): unknown {
  if (isUploadedFile(value)) return value.filename;
  if (Array.isArray(value)) return value.map(filesToNames);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filesToNames(v)]));
  return value;
}
