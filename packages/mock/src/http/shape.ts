/**
 * The shape limits every input path shares (JSON bodies, multipart field names, query parameter names):
 * no key that could reach `Object.prototype` when a value is later assigned or merged (`__proto__`,
 * `constructor`, `prototype`), and no nesting deeper than `MAX_INPUT_DEPTH`. Input that breaks either is
 * refused with a 400 before anything reads it, so no handler, store or serializer ever sees it: the
 * store's records are built only from input that passed here.
 */

/** Levels of objects and arrays a request value may have (the body itself is level 1). */
export const MAX_INPUT_DEPTH = 64;

/** Keys refused wherever input names a key. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Thrown by decoders (the form decoder) for input of a shape this module refuses; its message is the 400's. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

/** A name from the request for a message: quoted, and cut short so a 1 MB name cannot flood the reply. */
export function quote(name: string): string {
  return JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}...` : name);
}

export function forbiddenKeyMessage(where: string, key: string): string {
  return `${where}: the key ${quote(key)} is not allowed (it could reach Object.prototype).`;
}

export function tooDeepMessage(where: string): string {
  return `The request is nested deeper than ${MAX_INPUT_DEPTH} levels at ${where.length > 300 ? `${where.slice(0, 300)}...` : where}.`;
}

/** `a.b` or `a[0]`, with odd keys quoted the way JavaScript would write them. */
function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${quote(key)}]`;
}

function isNested(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/**
 * The first problem of a parsed JSON value, as the message of a 400, or `undefined` when it is fine.
 * Iterative (an explicit stack), so a value nested 100,000 deep costs no call stack.
 */
export function shapeProblem(value: unknown, root: string): string | undefined {
  const stack: [unknown, string, number][] = [[value, root, 1]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_INPUT_DEPTH) return tooDeepMessage(path);
    // Only objects and arrays go on the stack (primitives have nothing to check), last first so the
    // walk, and so the field a message names, follows document order.
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (isNested(node[i])) stack.push([node[i], child(path, i), depth + 1]);
      continue;
    }
    const keys = Object.keys(node);
    for (const key of keys) if (FORBIDDEN_KEYS.has(key)) return forbiddenKeyMessage(child(path, key), key);
    for (let i = keys.length - 1; i >= 0; i--) {
      const next = (node as Record<string, unknown>)[keys[i]!];
      if (isNested(next)) stack.push([next, child(path, keys[i]!), depth + 1]);
    }
  }
  return undefined;
}
