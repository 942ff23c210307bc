/**
 * Text from the spec never breaks the generated code: a spec whose every text field (title,
 * descriptions, summaries, operationIds, tags, parameter and property names, enum values, examples,
 * defaults, patterns, media types, paths, server URLs) carries comment terminators, template-literal
 * openers, quotes, backslashes, U+2028, `</script>` and non-ASCII is generated; the output type-checks
 * and each text is read back unchanged from the comments and literals it landed in.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { decodeDocText, docText, normalizeLines, scriptJson, tsJson, tsString, tsTemplate } from '../../generator/src/emit/escape.js';
import { OUTPUT_DIRS } from '../../generator/src/emit/files.js';
import { dataOf } from '../../generator/src/emit/mocks/index.js';
import { generateFiles } from '../../generator/src/pipeline.js';
import { tempDir, writeTree } from './helpers/files.js';
import { typecheckOutput } from './helpers/typecheck.js';

/** Every hostile ingredient at once; `tag` keeps the texts of different fields apart. */
const hostile = (tag: string): string =>
  `${tag} */ end /* open \${x} \`tick\` 'single' "double" back\\slash \\*/\u2028sep\u2029par </script><!-- é漢字🙂 \\u0041 *\\/`;

const TEXTS = {
  title: hostile('title'),
  summary: hostile('summary'),
  description: `${hostile('description')}\nsecond line\n * starred line\n@notatag`,
  operationId: hostile('opid'),
  tag: hostile('tag'),
  param: hostile('param'),
  paramDescription: hostile('param-description'),
  property: hostile('property'),
  propertyDescription: hostile('property-description'),
  enumValue: hostile('enum'),
  example: hostile('example'),
  default: hostile('default'),
  schemaKey: hostile('schema'),
  route: '/items/{id}/h*/p',
  mediaType: 'application/vnd.h*/*+json',
};

function hostileSpec(): Record<string, unknown> {
  const schemaRef = `#/components/schemas/${encodeURIComponent(TEXTS.schemaKey.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
  return {
    openapi: '3.1.0',
    info: { title: TEXTS.title, description: hostile('info'), version: '1' },
    servers: [{ url: 'https://example.com/*/v1', description: hostile('server') }],
    tags: [{ name: TEXTS.tag, description: hostile('tag-description') }],
    paths: {
      [TEXTS.route]: {
        post: {
          operationId: TEXTS.operationId,
          summary: TEXTS.summary,
          description: TEXTS.description,
          tags: [TEXTS.tag],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: hostile('path-param') },
            { name: TEXTS.param, in: 'query', required: false, description: TEXTS.paramDescription, schema: { type: 'string', pattern: "^[*/]+\\$\\{`'\"\\\\]*$" } },
          ],
          requestBody: {
            required: true,
            description: hostile('body'),
            content: { [TEXTS.mediaType]: { schema: { $ref: schemaRef } } },
          },
          responses: {
            '200': {
              description: hostile('response'),
              content: { 'application/json': { schema: { $ref: schemaRef }, example: { [TEXTS.property]: TEXTS.example } } },
            },
            '404': { description: hostile('error'), content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        [TEXTS.schemaKey]: {
          type: 'object',
          description: hostile('schema-description'),
          required: [TEXTS.property],
          properties: {
            [TEXTS.property]: { type: 'string', description: TEXTS.propertyDescription, example: TEXTS.example, default: TEXTS.default },
            kind: { type: 'string', enum: [TEXTS.enumValue, 'plain'], description: hostile('enum-description') },
          },
        },
      },
    },
  };
}

/** Every JSDoc comment body in `text`, with the ` * ` prefixes removed and `docText` undone. */
function docComments(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = match[1]!
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n')
      .trim();
    out.push(decodeDocText(body));
  }
  return out;
}

/** Every string literal's value in a TypeScript file (as the compiler reads it). */
function stringLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe('escaping helpers', () => {
  const samples = Object.values(TEXTS).concat(['', '*/', '*\\/', '**/', '*\\\\/', '`${a}`', '\r\n', '\u2028\u2029']);

  it.each(samples)('docText is reversible and cannot end a comment: %j', (text) => {
    const escaped = docText(text);
    expect(escaped).not.toContain('*/');
    expect(escaped).not.toMatch(/[\r\u2028\u2029]/);
    expect(decodeDocText(escaped)).toBe(normalizeLines(text));
  });

  it.each(samples)('tsString, tsTemplate and tsJson evaluate back to the text: %j', (text) => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating our own literal is the point
    const evaluate = (source: string): unknown => new Function(`return ${source};`)();
    expect(evaluate(tsString(text))).toBe(text);
    expect(evaluate(tsString(text, "'"))).toBe(text);
    expect(evaluate(`\`${tsTemplate(text)}\``)).toBe(text);
    expect(evaluate(tsJson({ [text]: text }))).toEqual({ [text]: text });
    expect(tsString(text)).not.toMatch(/[\u2028\u2029\n\r]/);
  });

  it('scriptJson cannot close a <script> element', () => {
    const json = scriptJson({ a: TEXTS.title, b: '</script><script>alert(1)</script>' });
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual({ a: TEXTS.title, b: '</script><script>alert(1)</script>' });
  });
});

describe('hostile spec text', () => {
  it('generates, type-checks, and every text reads back unchanged', async () => {
    const dir = tempDir('hostile');
    const specFile = path.join(dir, 'hostile.json');
    writeFileSync(specFile, JSON.stringify(hostileSpec(), null, 2));
    const result = await generateFiles(specFile, { threads: 'serial', format: 'always' });
    const { files, model } = result;
    expect(model.operations).toHaveLength(1);

    const root = path.join(dir, 'out');
    writeTree(root, files);
    const check = await typecheckOutput(root, ['packages/client/**/*.ts', 'packages/sdk/**/*.ts']);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);

    const ts = [...files].filter(([rel]) => rel.endsWith('.ts') && !rel.startsWith(OUTPUT_DIRS.mock));
    const docs = ts.flatMap(([, text]) => docComments(text));
    const literals = ts.flatMap(([rel, text]) => stringLiterals(rel, text));
    // Summary, description (every line, tag-looking ones included) and route survive in one comment.
    // (Line terminators, U+2028 included, come back as line feeds: all of them end a line in a comment.)
    expect(docs.filter((d) => d.includes('summary'))).toContain(normalizeLines(`${TEXTS.summary}\n\n${TEXTS.description}\n\n\`POST ${TEXTS.route}\``));
    expect(docs.some((d) => d.includes(`(${TEXTS.mediaType})`))).toBe(true);
    expect(docs.some((d) => d.includes(normalizeLines(TEXTS.title)))).toBe(true);
    // Literals: operationId, route, media type, parameter and property names, enum values (schema.ts).
    for (const text of [TEXTS.operationId, TEXTS.route, TEXTS.mediaType, TEXTS.param, TEXTS.property, TEXTS.enumValue, TEXTS.schemaKey]) {
      expect(literals, text).toContain(text);
    }
    // Descriptions and examples that openapi-typescript prints into schema.ts.
    const schemaDocs = docComments(files.get(`${OUTPUT_DIRS.client}/schema.ts`)!);
    // openapi-typescript prints descriptions, defaults and examples as tags and indents continuation lines.
    for (const [tag, text] of [['description', hostile('property-description')], ['default', TEXTS.default], ['example', TEXTS.example]] as const) {
      const [first, ...rest] = normalizeLines(text).split('\n');
      const described = schemaDocs.find((d) => d.includes(`@${tag} ${first}`));
      expect(described?.split('\n').map((l) => l.trim()), tag).toEqual(expect.arrayContaining([`@${tag} ${first}`, ...rest]));
    }

    // Mock data: the example and the route come back as data.
    const samples = dataOf({ path: 'samples.ts', text: files.get(`${OUTPUT_DIRS.mock}/samples.ts`)! }) as Record<string, { response?: unknown }>;
    expect(samples[TEXTS.operationId]?.response).toEqual({ [TEXTS.property]: TEXTS.example });
    const mockSpec = dataOf({ path: 'spec.ts', text: files.get(`${OUTPUT_DIRS.mock}/spec.ts`)! }) as { title: string; routes: { path: string }[] };
    expect(mockSpec.title).toBe(TEXTS.title);
    expect(mockSpec.routes[0]?.path).toBe(TEXTS.route);
  }, 240_000);
});
