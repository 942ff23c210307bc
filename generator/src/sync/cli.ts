/**
 * `retell-kit sync [--from retell-sdk@<version>|<dir>] [--spec <file>] [--write] [--format text|markdown|json]`
 *
 * Reads an official SDK release, compares its surface with the curated spec through the IR, prints what
 * the spec lacks or has different, and with `--write` drafts the missing operations and schemas into the
 * spec's split files. Exit codes: 0 in step, 1 behind, 2 bad input (not an SDK, unknown version, no network
 * and no cache, bad flag).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildModel, loadSpec } from '../core.js';
import { compareSurfaces } from './compare.js';
import { writeDrafts } from './draft.js';
import { SyncInputError } from './errors.js';
import { formatReport, type ReportFormat } from './report.js';
import { extractSdkSurface, readSdkPackage } from './sdk-surface.js';
import { resolveSource } from './source.js';
import { specSurface } from './spec-surface.js';

export const SYNC_USAGE = `usage: retell-kit sync [--from retell-sdk@<version>|<dir>] [--spec <file>] [--write] [--format text|markdown|json] [--cache-dir <dir>]

  --from       the official SDK release to compare with: retell-sdk@<version> (default: retell-sdk@latest,
               downloaded with npm and cached) or a directory holding an unpacked release
  --spec       the curated spec's root file (default: spec/openapi.yaml)
  --write      draft the missing operations and schemas into the spec's split files (x-sync: draft)
  --format     text (default), markdown (for a pull request) or json
  --cache-dir  where unpacked releases are kept (default: $RETELL_KIT_CACHE or ~/.cache/retell-kit)

exit codes: 0 the spec is in step, 1 the spec is behind, 2 bad input`;

const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];

export interface SyncOptions {
  readonly repoRoot: string;
  readonly log: (line: string) => void;
  /** Progress lines (downloads, drafts written); stderr, so `--format json` stays clean on stdout. */
  readonly note: (line: string) => void;
}

export async function runSync(argv: readonly string[], options: SyncOptions): Promise<number> {
  let values: { from?: string; spec?: string; write?: boolean; format?: string; 'cache-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' },
        spec: { type: 'string' },
        write: { type: 'boolean' },
        format: { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SyncInputError('bad-flag', `${(error as Error).message}\n${SYNC_USAGE}`);
  }
  if (values.help) {
    options.log(SYNC_USAGE);
    return 0;
  }
  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new SyncInputError('bad-flag', `--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);

  const source = await resolveSource(values.from, { ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}), log: options.note });
  const sdk = readSdkPackage(source.dir);
  options.note(`… reading ${sdk.name}@${sdk.version} (${source.via})`);
  const upstream = extractSdkSurface(sdk);

  const specFile = path.resolve(values.spec ?? path.join(options.repoRoot, 'spec', 'openapi.yaml'));
  const spec = await loadSpec(specFile);
  const model = buildModel(spec);
  const ours = specSurface(spec, model, path.relative(process.cwd(), specFile) || specFile);

  const report = compareSurfaces(upstream, ours);
  options.log(formatReport(report, format).trimEnd());
  if (values.write && report.behind) {
    const written = writeDrafts(report, upstream, specFile);
    for (const file of written.created) options.note(`+ drafted ${path.relative(process.cwd(), file)}`);
    for (const file of written.updated) options.note(`~ added draft entries to ${path.relative(process.cwd(), file)}`);
    for (const skipped of written.skipped) options.note(`- left curated ${skipped}`);
  }
  return report.behind ? 1 : 0;
}
