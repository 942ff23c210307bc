/**
 * Examples for one facade method: a runnable TypeScript snippet (the same call as the JSDoc example)
 * and the equivalent curl command, both built from the spec's example values.
 */
import type { MethodModel } from '../../ir/types.js';
import { camelCase } from '../../ir/naming.js';
import { exampleParams, methodExample } from '../sdk/example.js';
import type { DocExamples } from '../../core.js';

const SETUP = ["import Retell from '@retell-kit/sdk';", '', "const client = new Retell({ apiKey: process.env['RETELL_API_KEY'] });", ''];

function typescript(m: MethodModel, resource: string): string {
  const call = methodExample(m, resource);
  const lines = [...SETUP];
  if (m.operation.pagination) {
    // Paginated methods return a PagePromise: `for await` walks every page.
    const expr = call.replace(/^const \w+ = await /, '').replace(/;$/, '');
    lines.push(`for await (const item of ${expr}) {`, '  console.log(item);', '}');
  } else {
    lines.push(call);
    const variable = /^const (\w+) = /.exec(call)?.[1];
    if (variable) lines.push(`console.log(${variable});`);
  }
  return lines.join('\n');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curl(m: MethodModel, baseUrl: string): string {
  const op = m.operation;
  const params = exampleParams(m) ?? {};
  const values = new Map<string, unknown>();
  for (const p of op.pathParams) values.set(p.name, p.example ?? params[p.name] ?? p.name);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(values.get(name) ?? name)));
  const query = new URLSearchParams();
  for (const q of op.queryParams) {
    const v = params[q.name];
    if (v !== undefined && (typeof v !== 'object' || v === null)) query.set(q.name, String(v));
  }
  const url = `${baseUrl}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  const lines = [`curl -X ${op.method} ${url}`, `  -H "Authorization: Bearer $RETELL_API_KEY"`];
  if (op.body) {
    const inParams = new Set([...op.queryParams.map((q) => q.name), ...m.pathInParams.map((p) => p.name)]);
    const body = Object.fromEntries(Object.entries(params).filter(([k]) => !inParams.has(k)));
    if (op.body.kind === 'multipart') {
      for (const [k, v] of Object.entries(body)) {
        const isFile = v !== null && typeof v === 'object' && '$file' in v;
        lines.push(`  -F ${shellQuote(isFile ? `${k}=@file.txt` : `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)}`);
      }
    } else {
      lines.push(`  -H 'Content-Type: application/json'`, `  -d ${shellQuote(JSON.stringify(body, null, 2))}`);
    }
  }
  return lines.join(' \\\n');
}

export function methodExamples(m: MethodModel, resource: string, baseUrl: string): DocExamples {
  return { call: methodExample(m, resource), typescript: typescript(m, resource), curl: curl(m, baseUrl) };
}

/** The variable the TypeScript example assigns, for prose (`phoneCallResponse`). */
export function exampleVariable(m: MethodModel): string {
  return camelCase(m.binding.responseType) || 'response';
}
