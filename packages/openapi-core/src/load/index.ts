/**
 * Load stage: read the root document, resolve every `$ref` across files, validate the structure and
 * bundle it into one document with Redocly, then canonicalize it. The result is the only input of the
 * IR stage. Problems become `SpecError`s with the file and JSON pointer they point at.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BaseResolver, bundle, createConfig, lintDocument, makeDocumentFromString, type Config, type Document, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError, throwIfAny } from '../errors.js';
import { canonicalize, hashDocument } from '../json.js';
import { multipartView } from '../ir/multipart.js';
import { checkVersion, findDuplicateOperationIds, type OpenApiVersion } from './checks.js';
import { convertSwagger2, type Conversion } from './convert.js';
import { asDeviation, deviationCode } from './deviations.js';
import { displayPath, errorsOf, type PlainProblem } from './problems.js';

export interface LoadedSpec {
  /** Path as given on the command line, for messages. */
  readonly file: string;
  /**
   * What the IR and the emitters read: the bundled document with sorted keys (see canonical.ts), multipart
   * bodies seen as callers write them (see ir/multipart.ts).
   */
  readonly document: Record<string, unknown>;
  /** The bundled document with sorted keys, as published (`pnpm bundle`); `hash` is its hash. */
  readonly bundled: Record<string, unknown>;
  readonly version: OpenApiVersion;
  /** Set when the input was Swagger 2.0 and converted on load (recorded in the provenance). */
  readonly conversion?: Conversion;
  /** sha256 of the canonical document, recorded in the provenance file. */
  readonly hash: string;
  /** Structural problems that did not stop a lenient load (always empty when strict). */
  readonly warnings: readonly SpecError[];
}

/** Structural validation of the bundled document (JSON text) somewhere else, e.g. on a worker thread. */
export type Validator = (json: string, absoluteRef: string) => Promise<readonly PlainProblem[]>;

export interface LoadOptions {
  /**
   * Strict (default): structural validation errors stop the load. Lenient: they become warnings, for
   * third-party specs with small defects the types can live with (e.g. `schema: null`). Unparsable
   * files, dangling refs, unsupported versions and duplicate operationIds always stop it.
   */
  readonly strict?: boolean;
  /**
   * Deviations whose meaning is clear (see deviations.ts) are warnings by default; `false` (the CLI's
   * `--strict`) makes them errors like any other structural problem.
   */
  readonly tolerateDeviations?: boolean;
  /** Run structural validation through this function (e.g. on a worker thread); the load awaits its verdict. */
  readonly validator?: Validator;
}

let configPromise: Promise<Config> | undefined;

/** Only structural validation here: style rules belong to `pnpm lint` and must not block generation of other specs. */
function validationConfig(): Promise<Config> {
  configPromise ??= createConfig({ rules: { struct: 'error' } });
  return configPromise;
}

export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const absolute = path.resolve(file);
  const shown = displayPath(absolute);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    throw new SpecError('not-found', 'spec file not found', shown);
  }
  const config = await validationConfig();
  const resolver = new BaseResolver(config.resolve);
  // Redocly returns some failures and throws others (a YAML syntax error in the root): handle both.
  const root = await resolver.resolveDocument(null, absolute, true).catch((error: unknown) => error);
  if (root instanceof Error) {
    const where = 'line' in root && 'col' in root ? ` (line ${String(root.line)}, column ${String(root.col)})` : '';
    const code = root.name === 'YamlParseError' || root.constructor.name === 'YamlParseError' || 'line' in root ? 'invalid-yaml' : 'unreadable';
    throw new SpecError(code, `${root.message}${where}`, shown);
  }
  if (!root || typeof root !== 'object' || !('parsed' in root)) throw new SpecError('unreadable', 'cannot read the document', shown);
  const parsed = root.parsed;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SpecError('invalid-document', 'the document is not a YAML/JSON object', shown);
  }
  let doc = root as Document;
  let conversion: Conversion | undefined;
  if ((parsed as Record<string, unknown>)['swagger'] !== undefined) {
    const converted = await convertSwagger2(parsed as Record<string, unknown>, shown);
    conversion = converted.conversion;
    doc = makeDocumentFromString(JSON.stringify(converted.document), absolute);
  }
  const version = checkVersion(doc.parsed as Record<string, unknown>, shown);

  const bundled = await bundle({ doc, config, externalRefResolver: resolver, dereference: false });
  // Bundling problems (unparsable referenced file, dangling $ref) make the document meaningless: stop here.
  throwIfAny(errorsOf(bundled.problems));
  const raw = bundled.bundle.parsed as Record<string, unknown>;
  const strict = options.strict ?? true;
  throwIfAny(findDuplicateOperationIds(raw, shown));
  const tolerate = options.tolerateDeviations ?? true;
  const judge = (problems: readonly (NormalizedProblem | PlainProblem)[]): SpecError[] => {
    const all = errorsOf(problems).map((e) => (e.file ? e : new SpecError(e.code, e.message, shown, e.pointer)));
    const deviations: SpecError[] = [];
    const errors: SpecError[] = [];
    for (const e of all) {
      const code = tolerate ? deviationCode(e, version) : undefined;
      if (code) deviations.push(asDeviation(e, code));
      else errors.push(e);
    }
    if (strict) throwIfAny(errors);
    return strict ? deviations : [...deviations, ...errors];
  };

  // Validation finishes here, whoever runs it: a spec that returns from the load has been judged.
  const problems = options.validator
    ? await options.validator(JSON.stringify(raw), absolute)
    : await lintDocument({ document: bundled.bundle, config, externalRefResolver: resolver });
  const warnings = judge(problems);
  return { ...fromBundled(raw, shown), ...(conversion ? { conversion } : {}), warnings };
}

/** What the IR reads of a spec: the document in the caller's view, its version and where it came from. */
export type ModelInput = Pick<LoadedSpec, 'file' | 'document' | 'version'>;

/**
 * The last step of the load for a document that is already bundled (every `$ref` local): canonical key
 * order, the version check, the caller's view of multipart bodies, and the hash. The diff uses it on each
 * side (it bundles and reads git revisions itself), so both sides go through the same steps as the
 * generator's input before `buildModel` sees them.
 */
export function fromBundled(raw: Record<string, unknown>, file: string): Pick<LoadedSpec, 'file' | 'document' | 'bundled' | 'version' | 'hash'> {
  const canonical = canonicalize(raw) as Record<string, unknown>;
  const version = checkVersion(canonical, file);
  const document = multipartView(canonical, file);
  return { file, document, bundled: canonical, version, hash: hashDocument(canonical) };
}
