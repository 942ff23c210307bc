/**
 * Prints emitted structures to text: one in-memory ts-morph project (no tsconfig, no lib files, no
 * file system), one `createSourceFile(path, structure)` per file, the fixed header, then prettier.
 * This follows ts-morph's performance guidance: build structures, print once, never edit node by node.
 */
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import { isStructureFile, type EmittedFile } from '../emit/files.js';
import { formatAll, type FormatJob } from './format.js';
import { textJob, TS_HEADER } from './header.js';

export { TS_HEADER } from './header.js';

export function printFiles(files: readonly EmittedFile[]): FormatJob[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, useTrailingCommas: true },
  });
  const jobs: FormatJob[] = [];
  for (const file of files) {
    if (isStructureFile(file)) {
      const source = project.createSourceFile(`/${file.path}`, file.structure, { overwrite: true });
      jobs.push({ path: file.path, text: TS_HEADER + source.getFullText(), parser: 'typescript' });
      // Printed text is all we need; dropping the node keeps memory flat on large specs.
      project.removeSourceFile(source);
    } else {
      jobs.push(textJob(file));
    }
  }
  return jobs;
}

/** Printed and formatted files, keyed by path relative to the output root, in sorted order. */
export async function renderFiles(files: readonly EmittedFile[]): Promise<Map<string, string>> {
  return sortByPath(await formatAll(printFiles(files)));
}

export function sortByPath(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
