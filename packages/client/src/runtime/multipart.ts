/**
 * Multipart encoding as the official SDKs send it now (retell-sdk 5.66 and the Python SDK): a scalar is
 * one text part; an array or object that holds no file is ONE part carrying its JSON text
 * (`knowledge_base_texts` = `[{"title":"…","text":"…"}]`, `knowledge_base_urls` = `["…"]`); an array of
 * files is one part per file under the field's own name, no brackets (`knowledge_base_files`, `files`);
 * an object holding a file keeps `name[key]` for its fields. The older bracket form (`name[]`,
 * `name[][key]`) is what retell-sdk 5.33 sent; the mock accepts both. The Python runtime must produce
 * the same parts byte for byte: `test/fixtures/multipart/` holds the expected parts of representative
 * bodies, checked here against retell-sdk@5.66.1's own output.
 * Generated multipart operations carry `encode: multipartBody`, so only apps that upload bundle this
 * module. Uploads are resolved to `File`s first (async), then `encodeMultipart` (sync) builds the
 * `FormData`, which fetch can send again as is on a retry.
 */
import { isUploadable, toFile } from './uploads.js';

/** The `OperationSpec.encode` of multipart operations: a body object of fields to `FormData`. */
export async function multipartBody(body: unknown): Promise<FormData> {
  return encodeMultipart(await resolveUploads(body));
}

/** Copies `value`, replacing every upload input with a `File`. */
export async function resolveUploads(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return value;
  if (isUploadable(value)) return toFile(value);
  if (Array.isArray(value)) return Promise.all(value.map(resolveUploads));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await resolveUploads(item)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

export function encodeMultipart(body: unknown): FormData {
  const form = new FormData();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError('A multipart request body must be an object of fields.');
  }
  for (const [key, value] of Object.entries(body)) append(form, key, value);
  return form;
}

/** Appends one field. `null` and `undefined` send nothing (retell-sdk refuses `null`; we leave it out). */
function append(form: FormData, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    form.append(key, value, (value as Partial<File>).name ?? 'upload');
  } else if (value instanceof Date) {
    form.append(key, value.toISOString());
  } else if (typeof value !== 'object') {
    form.append(key, String(value));
  } else if (!holdsFile(value)) {
    form.append(key, JSON.stringify(value));
  } else if (Array.isArray(value)) {
    for (const item of value) append(form, key, item);
  } else {
    for (const [k, item] of Object.entries(value)) append(form, `${key}[${k}]`, item);
  }
}

/** True when a file sits anywhere in `value` (uploads are already `File`s here). */
function holdsFile(value: unknown): boolean {
  if (value instanceof Blob) return true;
  if (Array.isArray(value)) return value.some(holdsFile);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).some(holdsFile);
  return false;
}
