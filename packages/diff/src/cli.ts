/**
 * `retell-kit diff [base] [head]` / `pnpm spec:diff`: loads both sides, diffs them, prints the report and
 * returns the exit code: 0 ok, 1 findings at or above --fail-on, 2 bad input (which side, and why).
 * The `retell-kit-diff` bin (bin/retell-kit-diff.js) and the generator CLI's `diff` route call `runDiffCli`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffDocuments, type DiffReport } from './diff.js';
import { DiffInputError } from './errors.js';
import { loadSide } from './load/side.js';
import { formatJson } from './report/json.js';
import { formatMarkdown } from './report/markdown.js';
import { formatText } from './report/text.js';

export const USAGE = `usage: retell-kit diff [base] [head] [options]

  base, head   a spec file (split root or bundled YAML/JSON), a directory with openapi.yaml,
               or a git revision (main, HEAD~3, a tag). Defaults: base = merge-base of HEAD
               with the main branch, head = the working tree's spec.

options:
  --format <text|markdown|json>       output format (default: text)
  --fail-on <breaking|warning|none>   exit 1 when a finding at or above this level exists (default: none)
  --output <file>                     write the report to a file instead of stdout
  --spec-path <path>                  spec root inside the repository (default: spec/openapi.yaml)
  --main-branch <name>                branch for the default base (default: main)
  -h, --help                          show this help
`;

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;
type Format = keyof typeof FORMATS;
type FailOn = 'breaking' | 'warning' | 'none';

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
    const sideOptions = { cwd: io.cwd, specPath: options.specPath, mainBranch: options.mainBranch };
    const [base, head] = await Promise.all([loadSide('base', options.base, sideOptions), loadSide('head', options.head, sideOptions)]);
    const report = diffDocuments(base, head);
    const text = FORMATS[options.format](report);
    if (options.output === undefined) io.stdout(text);
    else writeFileSync(options.output, text);
    return exitCode(report, options.failOn);
  } catch (error) {
    if (error instanceof DiffInputError) {
      io.stderr(`retell-kit diff: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export function exitCode(report: DiffReport, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const { breaking, warning } = report.summary;
  return breaking > 0 || (failOn === 'warning' && warning > 0) ? 1 : 0;
}

interface CliOptions {
  readonly base: string | undefined;
  readonly head: string | undefined;
  readonly format: Format;
  readonly failOn: FailOn;
  readonly output: string | undefined;
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
        'fail-on': { type: 'string', default: 'none' },
        output: { type: 'string', short: 'o' },
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
  const failOn = values['fail-on'] ?? 'none';
  if (failOn !== 'breaking' && failOn !== 'warning' && failOn !== 'none') throw new DiffInputError(null, `--fail-on must be breaking, warning or none (got ${failOn})`);
  return {
    base: positionals[0],
    head: positionals[1],
    format,
    failOn,
    output: values.output,
    specPath: values['spec-path'] ?? 'spec/openapi.yaml',
    mainBranch: values['main-branch'] ?? 'main',
  };
}

function isFormat(value: string): value is Format {
  return Object.hasOwn(FORMATS, value);
}
