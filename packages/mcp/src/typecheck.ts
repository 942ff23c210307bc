/**
 * Type-checks the agent's `async function run(client)` against the SDK's declarations before anything
 * runs. One TypeScript language service is created once and kept warm: between calls only the agent's
 * file changes, so the SDK's declarations are parsed and bound once and each check costs milliseconds.
 * The agent's globals are what the sandbox offers (ES2022 plus `console`): `process`, `require`,
 * `fetch` and Node's modules are type errors here before they are runtime errors in the sandbox.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

import type { Diagnostic } from './diagnostics.js';

export type { Diagnostic } from './diagnostics.js';

/** Lines put before the agent's code; diagnostics are reported against the agent's own line numbers. */
const PRELUDE = [
  "import type { Retell } from '@retell-kit/sdk';",
  'declare const console: { log(...args: unknown[]): void; info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void; debug(...args: unknown[]): void };',
  // The sandbox's global APIError (sandbox.ts): what an API failure is thrown as.
  'declare class APIError extends Error { readonly status: number; readonly error: unknown; readonly body: unknown }',
];
const EPILOGUE = ['', '// The entry point the sandbox calls.', 'const __entry: (client: Retell) => Promise<unknown> = run;', 'export { __entry };'];

export class TypeChecker {
  private readonly file: string;
  private text = '';
  private version = 0;
  private readonly service: ts.LanguageService;

  /** `packageRoot`: a folder from which `@retell-kit/sdk` resolves (this package's root). */
  constructor(packageRoot: string) {
    this.file = path.join(packageRoot, '__agent_code__.ts');
    // Declarations from the SDK's build when present; else its sources (tests and a fresh checkout).
    const built = existsSync(path.join(packageRoot, 'node_modules/@retell-kit/sdk/dist/esm/index.d.ts'));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      ...(built ? {} : { customConditions: ['source'] }),
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      // `catch (e) { e.message }` is how most agents write it; the sandbox only throws Error objects.
      useUnknownInCatchVariables: false,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      allowImportingTsExtensions: true,
    };
    // The SDK's declarations and the lib files never change while the server runs: each is read once.
    // (The language service asks for every file's snapshot on every check; reading ~1.3 MB from disk
    // each time was most of a warm check.)
    const snapshots = new Map<string, ts.IScriptSnapshot | undefined>();
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [this.file],
      getScriptVersion: (f) => (f === this.file ? String(this.version) : '0'),
      getScriptSnapshot: (f) => {
        if (f === this.file) return ts.ScriptSnapshot.fromString(this.text);
        if (!snapshots.has(f)) {
          const content = ts.sys.readFile(f);
          snapshots.set(f, content === undefined ? undefined : ts.ScriptSnapshot.fromString(content));
        }
        return snapshots.get(f);
      },
      getCurrentDirectory: () => packageRoot,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => f === this.file || ts.sys.fileExists(f),
      readFile: (f) => (f === this.file ? this.text : ts.sys.readFile(f)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /** Parses and binds the SDK's declarations now, so the first agent call does not pay for it. */
  warmUp(): void {
    // A few checks of the usual shapes: past the parse and bind, they also get the checker's code
    // optimised by V8, so the first agent checks run at the warm speed rather than several times slower.
    this.check('async function run(client: Retell) { return client.agent; }');
    for (let i = 0; i < 4; i++) {
      this.check(`async function run(client) {\n  const page = await client.agent.list();\n  const one = await client.llm.retrieve('llm_${i}');\n  try { await client.call.list({ limit: ${i + 1} }); } catch (e) { if (e instanceof APIError) return e.status; }\n  return page.items.map((a) => a.agent_id).concat(one.llm_id);\n}`);
    }
  }

  check(code: string): Diagnostic[] {
    this.text = [...PRELUDE, typedEntry(code), ...EPILOGUE].join('\n');
    this.version += 1;
    const source = this.service.getProgram()?.getSourceFile(this.file);
    const all = [...this.service.getSyntacticDiagnostics(this.file), ...this.service.getSemanticDiagnostics(this.file)];
    const userLines = code.split('\n').length;
    return all.slice(0, 20).map((d) => {
      const pos = d.start !== undefined && source ? source.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      const line = pos.line - PRELUDE.length + 1;
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      // A problem found in the epilogue means `run` is missing or has the wrong shape.
      if (line > userLines) return { line: userLines, column: 1, code: d.code, message: `the code must define \`async function run(client)\` returning a Promise: ${message}` };
      return { line: Math.max(1, line), column: pos.character + 1, code: d.code, message };
    });
  }
}

/**
 * `async function run(client)` (or `const run = async (client) => ...`, `async client => ...`) as the
 * agent writes it: the parameter gets the `Retell` type (parameters are not typed from the entry's
 * context). Same line, so diagnostics keep their lines.
 */
export function typedEntry(code: string): string {
  return code
    .replace(/(\bfunction\s+run\s*\(\s*)([A-Za-z_$][\w$]*)(\s*\))/, '$1$2: Retell$3')
    .replace(/(\b(?:const|let|var)\s+run\s*=\s*(?:async\s*)?\(\s*)([A-Za-z_$][\w$]*)(\s*\)\s*=>)/, '$1$2: Retell$3')
    .replace(/(\b(?:const|let|var)\s+run\s*=\s*async\s+)([A-Za-z_$][\w$]*)(\s*=>)/, '$1($2: Retell)$3')
    .replace(/(\b(?:const|let|var)\s+run\s*=\s*(?:async\s+)?function\s*[\w$]*\s*\(\s*)([A-Za-z_$][\w$]*)(\s*\))/, '$1$2: Retell$3');
}

/**
 * TypeScript → the JavaScript the sandbox evaluates (a plain script: imports and exports removed), with
 * its source map: the emitted lines are not the agent's lines, and runtime errors are reported in the
 * agent's own line numbers.
 */
export function transpileWithMap(code: string): { js: string; map: string | undefined } {
  const out = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, removeComments: false, sourceMap: true },
    fileName: 'agent.ts',
    reportDiagnostics: false,
  });
  // The trailing sourceMappingURL comment is of no use inside the sandbox.
  return { js: out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'), map: out.sourceMapText };
}

export function transpile(code: string): string {
  return transpileWithMap(code).js;
}
