/**
 * nock helpers for users who test their app's HTTP layer without a server: one interceptor per spec
 * route answering the spec's sample (status and body), with per-operation overrides for error paths.
 * nock is the caller's dependency: the function takes it as an argument and only uses this structural
 * slice of its API, so this package does not pull it in.
 */
import type { MockRoute, MockSpec, SampleTable } from './model.js';

export interface NockInterceptorLike<Scope> {
  reply(fn: (uri: string, body: unknown) => [number, string?, Record<string, string>?]): Scope;
}

export interface NockScopeLike {
  persist(flag?: boolean): this;
  intercept(uri: (uri: string) => boolean, method: string): NockInterceptorLike<this>;
}

export type NockLike<Scope extends NockScopeLike = NockScopeLike> = (basePath: string) => Scope;

export interface Override {
  readonly status: number;
  /** JSON body; omitted for an empty reply. */
  readonly body?: unknown;
}

export interface InterceptOptions {
  /** Default `https://api.retellai.com`. */
  readonly baseURL?: string;
  /** Keep answering after the first match (default true: a test usually calls a route more than once). */
  readonly persist?: boolean;
  /** Replies by operationId, e.g. `{ getAgent: { status: 404, body: { message: 'gone' } } }`. */
  readonly overrides?: Readonly<Record<string, Override>>;
}

function matcher(route: MockRoute): (uri: string) => boolean {
  const pattern = route.path
    .split('/')
    .map((seg) => (/^\{[^}]+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  const re = new RegExp(`^${pattern}(\\?.*)?$`);
  return (uri) => re.test(uri);
}

export function interceptSpec<Scope extends NockScopeLike>(
  nock: NockLike<Scope>,
  spec: MockSpec,
  samples: SampleTable,
  options: InterceptOptions = {},
): Scope {
  const scope = nock(options.baseURL ?? 'https://api.retellai.com');
  if (options.persist ?? true) scope.persist();
  for (const route of spec.routes) {
    const override = options.overrides?.[route.operationId];
    const status = override?.status ?? route.success.status;
    const body = override ? override.body : route.success.schema ? samples[route.operationId]?.response : undefined;
    scope.intercept(matcher(route), route.method).reply(() =>
      body === undefined ? [status] : [status, JSON.stringify(body), { 'content-type': 'application/json' }],
    );
  }
  return scope;
}
