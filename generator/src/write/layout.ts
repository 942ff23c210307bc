/**
 * What the generator owns under the output root: three folders it replaces wholesale (so stale files
 * disappear) and two single files. Every rendered path must fall in exactly one of them.
 */
import { OUTPUT_DIRS, OUTPUT_FILES } from '../emit/files.js';

export const OWNED_DIRS: readonly string[] = [OUTPUT_DIRS.client, OUTPUT_DIRS.sdk, OUTPUT_DIRS.mock, OUTPUT_DIRS.llmSocket, OUTPUT_DIRS.mcp, OUTPUT_DIRS.python];
export const OWNED_FILES: readonly string[] = [OUTPUT_FILES.apiDoc, OUTPUT_FILES.sdkEntry, OUTPUT_FILES.pythonApiDoc];

export function ownerDir(path: string): string | undefined {
  return OWNED_DIRS.find((dir) => path.startsWith(`${dir}/`));
}

/** The generated folder whose provenance covers `path`: its own, or for a single file, the one of the same package. */
export function provenanceDir(path: string): string | undefined {
  const own = ownerDir(path);
  if (own || !OWNED_FILES.includes(path)) return own;
  const pkg = path.split('/').slice(0, 2).join('/');
  return OWNED_DIRS.find((dir) => dir.startsWith(`${pkg}/`));
}

export function assertOwned(paths: Iterable<string>): void {
  for (const path of paths) {
    if (!ownerDir(path) && !OWNED_FILES.includes(path)) throw new Error(`generator bug: ${path} is outside the generated areas`);
  }
}
