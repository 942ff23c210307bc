/**
 * `servers` (https://spec.openapis.org/oas/v3.1.0#server-object): the document's list, and an
 * operation's own list when either side declares one. Servers are matched by URL template.
 */
import { asArray, asObject, asString, type Json } from '@retell-kit/openapi-core';
import type { ChangeSink } from './context.js';

export function diffServers(before: Json | undefined, after: Json | undefined, sink: ChangeSink, location: string): void {
  const b = urls(before);
  const a = urls(after);
  for (const url of [...b].filter((u) => !a.has(u)).sort()) sink.add({ subject: 'server-removed', url }, 'none', location);
  for (const url of [...a].filter((u) => !b.has(u)).sort()) sink.add({ subject: 'server-added', url }, 'none', location);
}

function urls(servers: Json | undefined): Set<string> {
  const out = new Set<string>();
  for (const server of asArray(servers)) {
    const url = asString(asObject(server)?.url);
    // A trailing slash does not make another server.
    if (url !== undefined) out.add(url.replace(/\/+$/, ''));
  }
  return out;
}
