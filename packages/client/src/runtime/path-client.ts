/**
 * `RetellPathClient<Paths>`: `RetellCore` plus openapi-fetch's typed path methods (`GET`, `POST`, `PUT`,
 * `PATCH`, `DELETE`, `use`, `eject`), which return `{ data, error, response }` and run over the same
 * transport (auth, default headers and query, retries, timeouts, logging). The generated `createClient()`
 * returns one typed with the API's `paths`. It lives apart from the core because openapi-fetch is most of
 * its weight: an app that only calls per-operation functions or the facade never bundles it.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { RetellCore } from './core.js';
import type { ClientOptions } from './options.js';
import { serializePath } from './path.js';

export class RetellPathClient<Paths extends {} = {}> extends RetellCore {
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
    const setup = this.pathClientSetup();
    const client = createClient<Paths>({
      baseUrl: setup.baseURL,
      headers: setup.headers,
      // openapi-fetch applies it to base URL + template; the base URL has no `{...}` to replace.
      pathSerializer: serializePath,
      querySerializer: setup.serializeQuery,
      fetch: setup.send,
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
