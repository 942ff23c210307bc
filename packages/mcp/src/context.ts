/**
 * What every session of a server shares: the docs search, the warm type checker, the executor and the
 * selected methods. All of it is read-only per call, so sessions (and HTTP clients) stay apart.
 */
import { methodDocs } from './docs.js';
import { Executor } from './execute.js';
import { selectMethods, type MethodFilter } from './filters.js';
import { RequestPolicy } from './guard.js';
import { SandboxPool, type PoolOptions } from './isolate.js';
import { DEFAULT_LIMITS, type SandboxLimits } from './sandbox.js';
import path from 'node:path';
import { DocsSearch } from './search.js';
import type { ToolContext, ToolMode } from './tools.js';
import { RemoteChecker, type CheckerOptions } from './remote-checker.js';

export interface ContextOptions {
  /** Folder from which `@retell-kit/sdk` resolves for type-checking (this package's root). */
  readonly packageRoot: string;
  readonly modes?: readonly ToolMode[];
  readonly filter?: MethodFilter;
  readonly limits?: Partial<SandboxLimits>;
  /**
   * The sandbox worker module. Default: the build's `dist/esm/sandbox-worker.js` under `packageRoot`;
   * running from source, `src/sandbox-worker.ts` (loaded through tsx).
   */
  readonly sandboxEntry?: string;
  /** Type checkers: how many, and the deadline of one check. */
  readonly checker?: CheckerOptions;
  /** Sandboxes at once, queue wait, worker heap. */
  readonly pool?: PoolOptions;
}

export interface ServerContext extends ToolContext {
  /** Starts a sandbox worker and type-checks once, so the first `execute` is not the slow one. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

export function createContext(options: ContextOptions): ServerContext {
  const all = methodDocs();
  const methods = selectMethods(all, options.filter);
  const policy = new RequestPolicy(all, options.filter);
  const sandboxEntry = options.sandboxEntry ?? path.join(options.packageRoot, 'dist/esm/sandbox-worker.js');
  const pool = new SandboxPool(sandboxEntry, options.pool);
  // Type checks run on their own worker thread, next to the sandbox's module (checker-worker.js/.ts).
  const checker = RemoteChecker.besideSandbox(sandboxEntry, options.packageRoot, options.checker);
  const executor = new Executor(checker, pool, all, policy, { ...DEFAULT_LIMITS, ...options.limits });
  let warm: Promise<void> | undefined;
  return {
    search: new DocsSearch(),
    executor,
    methods,
    allMethods: all,
    policy,
    modes: options.modes && options.modes.length > 0 ? options.modes : ['code'],
    warmUp: () => {
      warm ??= Promise.all([pool.warmUp(executor.limits), checker.warmUp()]).then(() => undefined);
      return warm;
    },
    close: async () => {
      await Promise.all([pool.close(), checker.close()]);
    },
  };
}
