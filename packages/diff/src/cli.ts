/**
 * `retell-kit diff [base] [head]` / `pnpm spec:diff`: loads both sides, diffs them, prints the report and
 * returns the exit code: 0 ok, 1 what --fail-on names was found, 2 bad input (which side or option, and why).
 * The `retell-kit-diff` bin (bin/retell-kit-diff.js) and the generator CLI's `diff` route call `runDiffCli`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diffDocuments, type DiffReport } from './diff.js';
import { DiffInputError } from './errors.js';
import { loadSide } from './load/side.js';
import { formatJson } from './report/json.js';
import { formatMarkdown } from './report/markdown.js';
import { formatText } from './report/text.js';
import { readSeverityConfig } from './rules/severity.js';

export const USAGE = `usage: retell-kit diff [base] [head] [options]

  base, head   a spec file (split root or bundled YAML/JSON), a directory with openapi.yaml,
               or a git revision (main, HEAD~3, a tag). Defaults: base = merge-base of HEAD
               with the main branch, head = the working tree's spec.

options:
  --format <text|markdown|json>       output format (default: text)
  --fail-on <level>                   exit 1 when the report has (default: breaking)
                                        breaking        a breaking change on the wire or the SDK surface
                                        wire-breaking   a breaking change to the HTTP contract
                                        sdk-breaking    a breaking change to the generated clients' names/types
                                        warning         a warning or a breaking change
                                        none            never
  --severity-config <file>            YAML file overriding rule levels (rules: {<rule-id>: breaking|warning|info|off})
  --include-docs                      also report description and example changes inside schemas (info)
  -o, --output <file>                 write the report to a file instead of stdout
  --spec-path <path>                  spec root inside the repository (default: spec/openapi.yaml)
  --main-branch <name>                branch for the default base (default: main)
  -h, --help                          show this help
`;

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;
type Format = keyof typeof FORMATS;
const FAIL_ON = ['breaking', 'wire-breaking', 'sdk-breaking', 'warning', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

export interface DiffCliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const defaultIo: DiffCliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runDiffCli(argv: string[], io: DiffCliIo = defaultIo): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    const severity = options.severityConfig === undefined ? undefined : readSeverityConfig(resolve(io.cwd, options.severityConfig));
    const sideOptions = { cwd: io.cwd, specPath: options.specPath, mainBranch: options.mainBranch };
    const [base, head] = await Promise.all([loadSide('base', options.base, sideOptions), loadSide('head', options.head, sideOptions)]);
    const report = diffDocuments(base, head, { includeDocs: options.includeDocs, ...(severity !== undefined && { severity }) });
    const text = FORMATS[options.format](report);
    if (options.output === undefined) io.stdout(text);
    else writeReport(resolve(io.cwd, options.output), options.output, text);
    return exitCode(report, options.failOn);
  } catch (error) {
    if (error instanceof DiffInputError) {
      io.stderr(`retell-kit diff: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** 1 when the report has what `--fail-on` names, else 0. */
export function exitCode(report: DiffReport, failOn: FailOn): number {
  const breakingOn = (surface: 'wire' | 'sdk') => report.findings.some((f) => f.level === 'breaking' && f.surface === surface);
  switch (failOn) {
    case 'none':
      return 0;
    case 'wire-breaking':
      return breakingOn('wire') ? 1 : 0;
    case 'sdk-breaking':
      return breakingOn('sdk') ? 1 : 0;
    case 'breaking':
      return report.summary.breaking > 0 ? 1 : 0;
    case 'warning':
      return report.summary.breaking > 0 || report.summary.warning > 0 ? 1 : 0;
  }
}

/** An unwritable `--output` is bad input (exit 2), never mistaken for "breaking changes" (exit 1). */
function writeReport(file: string, shown: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
    throw new DiffInputError(null, `cannot write the report to ${shown}: ${why}`);
  }
}

interface CliOptions {
  readonly base: string | undefined;
  readonly head: string | undefined;
  readonly format: Format;
  readonly failOn: FailOn;
  readonly output: string | undefined;
  readonly severityConfig: string | undefined;
  readonly includeDocs: boolean;
  readonly specPath: string;
  readonly mainBranch: string;
}

function parseOptions(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'breaking' },
        output: { type: 'string', short: 'o' },
        'severity-config': { type: 'string' },
        'include-docs': { type: 'boolean', default: false },
        'spec-path': { type: 'string', default: 'spec/openapi.yaml' },
        'main-branch': { type: 'string', default: 'main' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new DiffInputError(null, `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length > 2) throw new DiffInputError(null, `expected at most two sides, got ${positionals.length}\n${USAGE}`);
  const format = values.format ?? 'text';
  if (!isFormat(format)) throw new DiffInputError(null, `--format must be text, markdown or json (got ${format})`);
  const failOn = values['fail-on'] ?? 'breaking';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new DiffInputError(null, `--fail-on must be one of ${FAIL_ON.join(', ')} (got ${failOn})`);
  return {
    base: positionals[0],
    head: positionals[1],
    format,
    failOn: failOn as FailOn,
    output: values.output,
    severityConfig: values['severity-config'],
    includeDocs: values['include-docs'] === true,
    specPath: values['spec-path'] ?? 'spec/openapi.yaml',
    mainBranch: values['main-branch'] ?? 'main',
  };
}

function isFormat(value: string): value is Format {
  return Object.hasOwn(FORMATS, value);
}
