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
  const wrappers = (['WithRawResponse', 'WithStreamedResponse'] as const).map((w) => {
    const attr = w === 'WithRawResponse' ? 'with_raw_response' : 'with_streaming_response';
    return `
    @cached_property
    def ${attr}(self) -> ${name}${w}:
        """Every resource's \`${attr}\` view: \`client.${attr}.agent.retrieve(...)\`."""
        return ${name}${w}(self)
`;
  });
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
${attrs}${wrappers.join('')}`;
}

/** \`client.with_raw_response\` / \`client.with_streaming_response\`: each resource's wrapper view, by attribute. */
function wrapperViews(resources: readonly PyResource[], flavor: 'sync' | 'async'): string {
  const name = flavor === 'sync' ? 'Retell' : 'AsyncRetell';
  return (['WithRawResponse', 'WithStreamedResponse'] as const)
    .map((w) => {
      const attr = w === 'WithRawResponse' ? 'with_raw_response' : 'with_streaming_response';
      const members = resources
        .map((r) => {
          const cls = resourceClassName(r, flavor, w === 'WithRawResponse' ? 'WithRawResponse' : 'WithStreamingResponse');
          return `
    @cached_property
    def ${r.attr}(self) -> ${cls}:
        return self._client.${r.attr}.${attr}
`;
        })
        .join('');
      return `class ${name}${w}:
    def __init__(self, client: ${name}) -> None:
        self._client = client
${members}`;
    })
    .join('\n\n');
}

export function clientModule(resources: readonly PyResource[], header: string): string {
  const imports = resources
    .map((r) => {
      const names = (['sync', 'async'] as const).flatMap((f) =>
        ['', 'WithRawResponse', 'WithStreamingResponse'].map((w) => resourceClassName(r, f, w)),
      );
      return `    from .resources.${r.attr} import ${names.sort().join(', ')}\n`;
    })
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
    `__all__ = [${['Retell', 'AsyncRetell', 'RetellWithRawResponse', 'RetellWithStreamedResponse', 'AsyncRetellWithRawResponse', 'AsyncRetellWithStreamedResponse'].map(pyStr).join(', ')}]`,
    '',
    '',
    clientClass(resources, 'sync'),
    '',
    clientClass(resources, 'async'),
    '',
    wrapperViews(resources, 'sync'),
    '',
    '',
    wrapperViews(resources, 'async'),
  ].join('\n');
}
