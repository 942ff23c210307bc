/**
 * File inputs for multipart operations. Everything a user may hold a file as is accepted, and turned into
 * a `File` before the request is built, so the multipart body is a plain `FormData` that can be re-sent
 * intact on a retry. Node streams are recognised by shape: the core imports nothing from `node:*`.
 */

/** Minimal shape of a Node `fs.ReadStream`: an async iterable of chunks that knows its file path. */
export interface ReadStreamLike extends AsyncIterable<unknown> {
  readonly path: string | { toString(): string };
  pipe: unknown;
}

/** Minimal shape of a Blob from any implementation (DOM, undici, node:buffer, node-fetch). */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  text(): Promise<string>;
  slice(start?: number, end?: number): BlobLike;
}

/** Minimal shape of a File from any implementation. */
export interface FileLike extends BlobLike {
  readonly lastModified: number;
  readonly name?: string | undefined;
}

/** Minimal shape of a fetch `Response`. */
export interface ResponseLike {
  readonly url: string;
  blob(): Promise<BlobLike>;
}

type Chunk = string | ArrayBuffer | ArrayBufferView | BlobLike;

export type Uploadable =
  | File
  | Blob
  | FileLike
  | BlobLike
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | ResponseLike
  | ReadStreamLike
  | AsyncIterable<Chunk>;

export interface ToFileOptions {
  /** MIME type; default: the input's own type, else none. */
  type?: string;
  lastModified?: number;
}

type Part = Blob | Uint8Array | ArrayBuffer | string;

/** True for the inputs `toFile` accepts (strings excepted: a string is a field value, not a file). */
export function isUploadable(value: unknown): value is Uploadable {
  if (value === null || typeof value !== 'object') return false;
  return (
    value instanceof Blob ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    isBlobLike(value) ||
    isResponseLike(value) ||
    Symbol.asyncIterator in value
  );
}

/**
 * Turns any `Uploadable` (or raw string content) into a `File`. The name defaults to the input's own
 * (a File's name, a stream's file name, the last segment of a Response's URL), else `upload`.
 */
export async function toFile(
  value: Uploadable | string | PromiseLike<Uploadable | string>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<File> {
  const input = await value;
  name ??= undefined;
  if (input instanceof Blob) {
    const own = 'name' in input && typeof input.name === 'string' ? input.name : undefined;
    if (own !== undefined && name === undefined && options.type === undefined) return input as File;
    return makeFile([input], name ?? own, { type: options.type ?? input.type, lastModified: options.lastModified });
  }
  if (typeof input === 'string' || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    return makeFile([toPart(input)], name, options);
  }
  if (typeof input === 'object' && input !== null && isBlobLike(input)) {
    const own = (input as FileLike).name;
    return makeFile([await blobLikePart(input)], name ?? own, { type: options.type ?? input.type, lastModified: options.lastModified });
  }
  if (typeof input === 'object' && input !== null && isResponseLike(input)) {
    const blob = await input.blob();
    return makeFile([await blobLikePart(blob)], name ?? lastSegment(input.url), { type: options.type ?? blob.type, lastModified: options.lastModified });
  }
  if (typeof input === 'object' && input !== null && Symbol.asyncIterator in input) {
    const parts: Part[] = [];
    for await (const chunk of input as AsyncIterable<unknown>) parts.push(isBlobLike(chunk) ? await blobLikePart(chunk) : toPart(chunk));
    const path = isReadStreamLike(input) ? lastSegment(String(input.path)) : undefined;
    return makeFile(parts, name ?? path, options);
  }
  throw new TypeError(`Cannot upload a ${describeType(input)}: expected a File, Blob, Uint8Array, ArrayBuffer, Response, ReadStream or async iterable.`);
}

function makeFile(parts: Part[], name: string | undefined, options: ToFileOptions): File {
  const bag: FilePropertyBag = {};
  if (options.type) bag.type = options.type;
  if (options.lastModified !== undefined) bag.lastModified = options.lastModified;
  const fileName = name || 'upload';
  if (typeof File === 'function') return new File(parts as BlobPart[], fileName, bag);
  // Runtimes without a global File (Node 18): a Blob that carries the name, which FormData.append reads.
  return Object.assign(new Blob(parts as BlobPart[], bag), { name: fileName, lastModified: bag.lastModified ?? Date.now() }) as File;
}

function toPart(chunk: unknown): Part {
  if (typeof chunk === 'string' || chunk instanceof Uint8Array || chunk instanceof ArrayBuffer || chunk instanceof Blob) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`Cannot upload a stream chunk of type ${describeType(chunk)}.`);
}

function isBlobLike(value: unknown): value is BlobLike {
  const v = value as Partial<Record<'size' | 'text' | 'slice', unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.size === 'number' && typeof v.text === 'function' && typeof v.slice === 'function';
}

/** A real Blob as is; another implementation's blob through its bytes (`arrayBuffer` where it has one). */
async function blobLikePart(blob: BlobLike): Promise<Part> {
  if (blob instanceof Blob) return blob;
  const withBytes = blob as BlobLike & { arrayBuffer?: () => Promise<ArrayBuffer> };
  return typeof withBytes.arrayBuffer === 'function' ? withBytes.arrayBuffer() : blob.text();
}

function isResponseLike(value: object): value is ResponseLike {
  const v = value as Partial<Record<'url' | 'blob' | 'headers', unknown>>;
  return typeof v.url === 'string' && typeof v.blob === 'function' && typeof v.headers === 'object';
}

function isReadStreamLike(value: object): value is ReadStreamLike {
  const v = value as Partial<Record<'path' | 'pipe', unknown>>;
  return v.path != null && typeof v.pipe === 'function';
}

function lastSegment(pathOrUrl: string): string | undefined {
  const path = pathOrUrl.split(/[?#]/)[0] ?? '';
  const segment = path.split(/[\\/]/).pop();
  return segment ? decodeURIComponentSafe(segment) : undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}
