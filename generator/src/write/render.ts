/**
 * Prints emitted structures to text with ts-morph's structure printer, the fixed header, then prettier.
 * This follows ts-morph's performance guidance and goes one step further: structures are printed once
 * with `printStructure`, without creating source files at all (no project, no file system, no tsconfig,
 * and no parse of the printed text, which `createSourceFile` would do only for us to read the text back).
 */
import { printStructure, StructureKind } from 'ts-morph';
import { isStructureFile, type EmittedFile } from '../emit/files.js';
import { formatAll, type FormatJob } from './format.js';
import { textJob, TS_HEADER } from './header.js';

export { TS_HEADER } from './header.js';

export function printFiles(files: readonly EmittedFile[]): FormatJob[] {
  const jobs: FormatJob[] = [];
  for (const file of files) {
    if (isStructureFile(file)) {
      const text = printStructure({ ...file.structure, kind: StructureKind.SourceFile }, { indentNumberOfSpaces: 2, useSingleQuote: true });
      jobs.push({ path: file.path, text: TS_HEADER + text, parser: 'typescript' });
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
