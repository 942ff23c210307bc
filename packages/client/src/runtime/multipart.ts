/**
 * Multipart encoding the way the Retell API reads forms: arrays as `name[]`, objects as `name[key]`,
 * nested as deep as the value goes, so `knowledge_base_files[]` and `knowledge_base_texts[][title]`.
 * This is the convention the spec states (each multipart media type lists these part names; see
 * docs/architecture.md#multipart-bodies) and retell-sdk sends; the generator checks the spec against it.
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

function append(form: FormData, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    form.append(key, value, (value as Partial<File>).name ?? 'upload');
  } else if (Array.isArray(value)) {
    for (const item of value) append(form, `${key}[]`, item);
  } else if (value instanceof Date) {
    form.append(key, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) append(form, `${key}[${k}]`, item);
  } else {
    form.append(key, String(value));
  }
}
