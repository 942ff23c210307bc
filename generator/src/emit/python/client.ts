/**
 * `client.py`: `Retell` and `AsyncRetell`, the runtime's clients with one attribute per resource. Options and
 * their environment defaults live in the runtime (`BaseClient`); this file only wires the resources, each
 * created (and its module imported) on first use, so `import retell` stays cheap.
 */
import { pyStr } from './literals.js';
import type { PyResource } from './methods.js';
import { resourceClassName } from './resources.js';

function clientClass(resources: readonly PyResource[], flavor: 'sync' | 'async'): string {
  const name = flavor === 'sync' ? 'Retell' : 'AsyncRetell';
  const base = flavor === 'sync' ? 'SyncAPIClient' : 'AsyncAPIClient';
  const http = flavor === 'sync' ? 'httpx.Client' : 'httpx.AsyncClient';
  const attrs = resources
    .map((r) => {
      const cls = resourceClassName(r, flavor);
      return `
    @cached_property
    def ${r.attr}(self) -> ${cls}:
        from .resources.${r.attr} import ${cls}

        return ${cls}(self)
`;
    })
    .join('');
  return `class ${name}(${base}):
    """The Retell API client${flavor === 'async' ? ' (asyncio)' : ''}.

    Arguments default to the environment: \`api_key\` to RETELL_API_KEY, \`base_url\` to RETELL_BASE_URL
    (else https://api.retellai.com). \`timeout\` is seconds or an \`httpx.Timeout\` per attempt (default: the
    operation's own, else 60 s); \`max_retries\` retries 408/409/429/5xx and connection errors (default 2).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
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
${attrs}`;
}

export function clientModule(resources: readonly PyResource[], header: string): string {
  const imports = resources
    .map((r) => `    from .resources.${r.attr} import ${resourceClassName(r, 'async')}, ${resourceClassName(r, 'sync')}\n`)
    .join('');
  return [
    header,
    '"""`Retell` and `AsyncRetell`: the clients, one attribute per resource."""',
    '',
    'from __future__ import annotations',
    '',
    'from functools import cached_property',
    `from typing import ${resources.length > 0 ? 'TYPE_CHECKING, ' : ''}Mapping`,
    '',
    'import httpx',
    '',
    'from .._runtime import DEFAULT_MAX_RETRIES, NOT_GIVEN, AsyncAPIClient, NotGiven, SyncAPIClient',
    '',
    ...(resources.length > 0 ? ['if TYPE_CHECKING:', imports] : []),
    `__all__ = [${['Retell', 'AsyncRetell'].map(pyStr).join(', ')}]`,
    '',
    '',
    clientClass(resources, 'sync'),
    '',
    clientClass(resources, 'async'),
  ].join('\n');
}
