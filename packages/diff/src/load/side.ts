/**
 * Turns a command-line side into a loaded document. A side is a spec file (split root or bundled YAML/
 * JSON), a directory holding `openapi.yaml`, or a git revision (`main`, `HEAD~3`, a tag, `origin/main`),
 * whose spec folder is materialized and bundled. Without arguments the base is the merge-base of HEAD
 * with the main branch and the head is the working tree's spec.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DiffInputError, type SideName } from '../errors.js';
import { loadDocument, type LoadedDocument } from './document.js';
import { hasPath, materialize, mergeBase, repoRoot, resolveCommit } from './git.js';

export interface SideOptions {
  readonly cwd: string;
  /** Root document inside the repository, for revisions and the working-tree default. */
  readonly specPath: string;
  readonly mainBranch: string;
}

export interface LoadedSide extends LoadedDocument {
  /** How the report names this side: a file path, or `<revision> (<short sha>)`. */
  readonly source: string;
}

export async function loadSide(side: SideName, arg: string | undefined, options: SideOptions): Promise<LoadedSide> {
  if (arg === undefined) return side === 'head' ? loadWorkingTree(options) : loadMergeBase(options);
  const absolute = resolve(options.cwd, arg);
  if (existsSync(absolute)) {
    const file = statSync(absolute).isDirectory() ? join(absolute, 'openapi.yaml') : absolute;
    if (!existsSync(file)) throw new DiffInputError(side, `directory ${arg} has no openapi.yaml`);
    return { ...(await loadDocument(side, file, arg)), source: arg };
  }
  const root = repoRoot(options.cwd);
  const commit = root === null ? null : resolveCommit(root, arg);
  if (root === null || commit === null) {
    const looksLikeFile = /\.(ya?ml|json)$/i.test(arg);
    const where = root === null ? ' (and this is not a git repository)' : '';
    throw new DiffInputError(side, looksLikeFile ? `file ${arg} does not exist` : `${arg} is neither a file nor a git revision${where}`);
  }
  return loadRevision(side, root, arg, commit, options.specPath);
}

async function loadWorkingTree(options: SideOptions): Promise<LoadedSide> {
  const root = repoRoot(options.cwd) ?? options.cwd;
  const file = join(root, options.specPath);
  const source = `${options.specPath} (working tree)`;
  return { ...(await loadDocument('head', file, source)), source };
}

async function loadMergeBase(options: SideOptions): Promise<LoadedSide> {
  const root = repoRoot(options.cwd);
  if (root === null) throw new DiffInputError('base', 'no base given and this is not a git repository; pass a spec file or revision');
  for (const branch of [options.mainBranch, `origin/${options.mainBranch}`]) {
    if (resolveCommit(root, branch) === null) continue;
    const commit = mergeBase(root, branch, 'HEAD');
    if (commit !== null) return loadRevision('base', root, `merge-base(${branch}, HEAD)`, commit, options.specPath);
  }
  throw new DiffInputError('base', `no base given and no merge-base of HEAD with ${options.mainBranch} was found; pass a spec file or revision`);
}

async function loadRevision(side: SideName, root: string, revision: string, commit: string, specPath: string): Promise<LoadedSide> {
  const source = `${revision} (${commit.slice(0, 12)})`;
  const folder = specPath.split('/')[0] ?? specPath;
  if (!hasPath(root, commit, folder)) throw new DiffInputError(side, `revision ${source} has no ${folder}/ folder`);
  if (!hasPath(root, commit, specPath)) throw new DiffInputError(side, `revision ${source} has no ${specPath}`);
  const directory = materialize(root, commit, dirname(specPath) === '.' ? specPath : folder);
  try {
    return { ...(await loadDocument(side, join(directory, specPath), `${specPath} at ${source}`)), source };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
