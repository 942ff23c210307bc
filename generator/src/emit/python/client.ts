/**
 * `client.py`: `Retell` and `AsyncRetell`, the runtime's clients with one attribute per resource.
 * Options and their environment defaults live in the runtime (`BaseClient`); this file only wires the
 * resources, so adding a resource to the spec adds an attribute here.
 */
import { pyStr } from './literals.js';
import type { PyResource } from './methods.js';

function clientClass(resources: readonly PyResource[], flavor: 'sync' | 'async'): string {
  const name = flavor === 'sync' ? 'Retell' : 'AsyncRetell';
  const base = flavor === 'sync' ? 'SyncAPIClient' : 'AsyncAPIClient';
  const http = flavor === 'sync' ? 'httpx.Client' : 'httpx.AsyncClient';
  const prefix = flavor === 'sync' ? '' : 'Async';
  const attrs = resources.map((r) => `    ${r.attr}: ${prefix}${r.className}\n`).join('');
  const init = resources.map((r) => `        self.${r.attr} = ${prefix}${r.className}(self)\n`).join('');
  return `class ${name}(${base}):
    """The Retell API client${flavor === 'async' ? ' (asyncio)' : ''}.

    Arguments default to the environment: \`api_key\` to RETELL_API_KEY, \`base_url\` to RETELL_BASE_URL
    (else https://api.retellai.com). \`timeout\` is in seconds per attempt (default: the operation's own,
    else 60); \`max_retries\` retries 408/409/429/5xx and connection errors (default 2).
    """

${attrs}
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: ${http} | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
        )
${init}`;
}

export function clientModule(resources: readonly PyResource[], header: string): string {
  const imports = resources
    .map((r) => `from .resources.${r.attr} import Async${r.className}, ${r.className}\n`)
    .join('');
  return [
    header,
    '"""`Retell` and `AsyncRetell`: the clients, one attribute per resource."""',
    '',
    'from __future__ import annotations',
    '',
    'from typing import Mapping',
    '',
    'import httpx',
    '',
    'from .._runtime import DEFAULT_MAX_RETRIES, NOT_GIVEN, AsyncAPIClient, NotGiven, SyncAPIClient, Timeout',
    imports,
    `__all__ = [${['Retell', 'AsyncRetell'].map(pyStr).join(', ')}]`,
    '',
    '',
    clientClass(resources, 'sync'),
    '',
    clientClass(resources, 'async'),
  ].join('\n');
}
