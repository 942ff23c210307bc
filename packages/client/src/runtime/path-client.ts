/**
 * `RetellPathClient<Paths>`: `RetellFullCore` (validated options, logging, `withOptions`) plus openapi-fetch's typed path methods (`GET`, `POST`, `PUT`,
 * `PATCH`, `DELETE`, `use`, `eject`), which return `{ data, error, response }` and run over the same
 * transport (auth, default headers and query, retries, timeouts, logging). The generated `createClient()`
 * returns one typed with the API's `paths`. It lives apart from the core because openapi-fetch is most of
 * its weight: an app that only calls per-operation functions or the facade never bundles it.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { planRequest } from './core.js';
import { RetellFullCore } from './full-core.js';
import type { ClientOptions } from './options.js';
import { serializePath } from './path.js';
import { serializeQuery } from './query.js';
import { send, unreadResponse } from './transport.js';

export class RetellPathClient<Paths extends {} = {}> extends RetellFullCore {
  readonly GET: Client<Paths>['GET'];
  readonly POST: Client<Paths>['POST'];
  readonly PUT: Client<Paths>['PUT'];
  readonly PATCH: Client<Paths>['PATCH'];
  readonly DELETE: Client<Paths>['DELETE'];
  /** openapi-fetch middleware; it sees the typed path methods' requests only, not `request()`'s. */
  readonly use: (...middleware: Middleware[]) => void;
  readonly eject: (...middleware: Middleware[]) => void;

  constructor(options?: ClientOptions) {
    super(options);
    // The resolved options double as the transport's config, as in `request()`.
    const resolved = this._resolved;
    const defaults = resolved.defaultQuery;
    const client = createClient<Paths>({
      baseUrl: resolved.baseURL,
      // The same auth and default headers, query encoding and transport as `request()`.
      headers: this._headers,
      // openapi-fetch applies it to base URL + template; the base URL has no `{...}` to replace.
      pathSerializer: serializePath,
      querySerializer: defaults ? (query) => serializeQuery({ ...defaults, ...query }) : serializeQuery,
      // The typed path methods carry no per-request options; the Request's own signal is the caller's.
      fetch: async (request: Request) => {
        const plan = planRequest(resolved, undefined, undefined, request.signal);
        plan.method = request.method;
        plan.url = request.url;
        // `undefined` keeps the Request's own method, headers and body over any `fetchOptions`.
        const response = await send(resolved, plan, request, { method: undefined, headers: undefined, body: undefined });
        return unreadResponse(response, plan);
      },
    });
    this.GET = client.GET;
    this.POST = client.POST;
    this.PUT = client.PUT;
    this.PATCH = client.PATCH;
    this.DELETE = client.DELETE;
    this.use = client.use;
    this.eject = client.eject;
  }
}
