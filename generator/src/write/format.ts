/**
 * Prettier with fixed options (never a config file found on the machine), so output is the same
 * everywhere.
 */
import { format, type Options } from 'prettier';

export interface FormatJob {
  readonly path: string;
  readonly text: string;
  readonly parser?: 'typescript' | 'markdown' | 'json';
}

export const PRETTIER_OPTIONS: Options = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
  proseWrap: 'preserve',
};

export async function formatOne(job: FormatJob): Promise<string> {
  if (!job.parser) return job.text.endsWith('\n') ? job.text : `${job.text}\n`;
  return format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
}

export async function formatAll(jobs: readonly FormatJob[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const job of jobs) out.set(job.path, await formatOne(job));
  return out;
}
