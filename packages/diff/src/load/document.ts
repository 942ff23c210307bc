/**
 * Reads one side's OpenAPI document and checks it is an OpenAPI 3.0 or 3.1 document the diff can walk.
 * A single-file document (only local `#/...` refs) is parsed directly with js-yaml and its refs are
 * checked here; a split root such as spec/openapi.yaml is bundled with @redocly/openapi-core, loaded
 * only then because importing it costs more than the whole diff. Every failure names the side.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { DiffInputError, type SideName } from '../errors.js';
import { asObject, isObject, type Json, type JsonObject } from '@retell-kit/openapi-core';
import { RefResolver } from '@retell-kit/openapi-core';

/** Bounds on what a side may be: Retell's whole spec is under 0.5 MiB and 40 levels deep. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 512;

export interface LoadedDocument {
  readonly root: JsonObject;
  readonly openapi: string;
  readonly version: string | null;
}

export async function loadDocument(side: SideName, file: string, shownAs: string): Promise<LoadedDocument> {
  if (!existsSync(file)) throw new DiffInputError(side, `${shownAs} does not exist`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new DiffInputError(side, `${shownAs} is not a file`);
  if (stat.size > MAX_BYTES) throw new DiffInputError(side, `${shownAs} is larger than ${MAX_BYTES / 1024 / 1024} MiB`);
  let parsed: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    // The core schema: no YAML 1.1 timestamps turning `2026-04-01` into a Date, and a faster scalar pass.
    parsed = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { filename: file, schema: CORE_SCHEMA });
  } catch (error) {
    throw new DiffInputError(side, `${shownAs} could not be parsed: ${firstLine(error)}`);
  }
  const document = validate(side, shownAs, parsed);
  const refs = collectRefs(side, shownAs, document.root);
  if (refs.some((r) => !r.ref.startsWith('#'))) return validate(side, shownAs, await bundleFile(side, file, shownAs));
  const resolver = new RefResolver(document.root);
  for (const { ref, at } of refs) {
    if (resolver.pointer(ref) === undefined) throw new DiffInputError(side, `${shownAs} is not a valid document: unresolved $ref "${ref}" (at ${at})`);
  }
  return document;
}

async function bundleFile(side: SideName, file: string, shownAs: string): Promise<unknown> {
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  try {
    const result = await bundle({ ref: file, config: await createConfig({}), dereference: false });
    const problem = result.problems.find((p) => p.severity === 'error');
    if (problem !== undefined) {
      const where = problem.location[0]?.pointer;
      throw new DiffInputError(side, `${shownAs} is not a valid document: ${problem.message}${where === undefined ? '' : ` (at ${where})`}`);
    }
    return result.bundle.parsed;
  } catch (error) {
    if (error instanceof DiffInputError) throw error;
    throw new DiffInputError(side, `${shownAs} could not be bundled: ${firstLine(error)}`);
  }
}

function validate(side: SideName, shownAs: string, parsed: unknown): LoadedDocument {
  if (!isObject(parsed as Json)) throw new DiffInputError(side, `${shownAs} is not an OpenAPI document (expected a mapping at the top level)`);
  const root = parsed as JsonObject;
  const openapi = root.openapi;
  if (typeof openapi !== 'string') {
    const hint = root.swagger !== undefined ? ' (Swagger 2.0 is not supported)' : '';
    throw new DiffInputError(side, `${shownAs} has no "openapi" version field${hint}`);
  }
  if (!/^3\.[01]\.\d+/.test(openapi)) throw new DiffInputError(side, `${shownAs} is OpenAPI ${openapi}; only 3.0.x and 3.1.x are supported`);
  if (root.paths !== undefined && !isObject(root.paths)) throw new DiffInputError(side, `${shownAs}: "paths" must be a mapping (at #/paths)`);
  const paths = asObject(root.paths) ?? {};
  for (const path of Object.keys(paths)) {
    if (!path.startsWith('/')) throw new DiffInputError(side, `${shownAs}: path "${path}" must start with "/" (at #/paths)`);
    if (!isObject(paths[path])) throw new DiffInputError(side, `${shownAs}: path item "${path}" must be a mapping (at #/paths/${escapePointer(path)})`);
  }
  const version = asObject(root.info)?.version;
  return { root, openapi, version: typeof version === 'string' ? version : null };
}

/** Every `$ref` string with the JSON pointer where it sits. */
function collectRefs(side: SideName, shownAs: string, root: JsonObject): Array<{ ref: string; at: string }> {
  const out: Array<{ ref: string; at: string }> = [];
  const walk = (value: Json, at: string, depth = 0): void => {
    // Every later walk (normalizing, diffing) recurses along the same structure: bound it once, here.
    if (depth > MAX_DEPTH) throw new DiffInputError(side, `${shownAs} is nested deeper than ${MAX_DEPTH} levels (at #${at})`);
    if (Array.isArray(value)) {
      (value as readonly Json[]).forEach((item, i) => walk(item, `${at}/${i}`, depth + 1));
      return;
    }
    const object = asObject(value);
    if (object === undefined) return;
    for (const key of Object.keys(object)) {
      const child = object[key] as Json;
      if (key === '$ref' && typeof child === 'string') out.push({ ref: child, at: at === '' ? '#' : `#${at}` });
      else walk(child, `${at}/${escapePointer(key)}`, depth + 1);
    }
  };
  walk(root, '');
  return out;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
