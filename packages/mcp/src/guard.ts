/**
 * The last line of defence between a model's code and the API key: the `fetch` every SDK client of this
 * server sends through. Whatever the call looked like on the way in (bridge, endpoint tool), the request
 * that reaches here is checked as it will go on the wire:
 * - its origin (and base path) must be the configured base URL's, so the key never goes elsewhere;
 * - its verb and path must resolve to an operation of the API, and that operation must be one the
 *   server's filters (`--resource`, `--read-only`, `--allow`, `--deny`) keep;
 * - the run's request budget (pagination pages and retries included) must not be spent;
 * - redirects are not followed (a 3xx cannot carry the key to another host).
 * A refusal sends nothing: it answers with a synthetic, non-retryable 403 that the bridge turns into a
 * plain error naming what was refused.
 */
import type { MethodDoc } from './docs.js';
import { exclusionReason, type MethodFilter } from './filters.js';

/** Header on a refusal answer, so the bridge can tell it from a real 403 of the API. */
export const REFUSED_HEADER = 'x-retell-kit-refused';

interface Route {
  readonly method: MethodDoc;
  readonly verb: string;
  /** Path segments; `null` stands for a `{param}`. */
  readonly segments: readonly (string | null)[];
  readonly literals: number;
}

/** Which operation a request is, and whether this server lets it through. */
export class RequestPolicy {
  private readonly routes: Route[];
  private readonly selected: ReadonlySet<string>;

  /** `all`: every method of the API (the routes); `filter`: what the server keeps. */
  constructor(
    all: readonly MethodDoc[],
    private readonly filter: MethodFilter = {},
  ) {
    this.routes = all.map((m) => {
      const segments = m.path.split('/').filter(Boolean).map((s) => (/^\{[^}]+\}$/.test(s) ? null : s));
      return { method: m, verb: m.httpMethod.toUpperCase(), segments, literals: segments.filter((s) => s !== null).length };
    });
    this.selected = new Set(all.filter((m) => exclusionReason(m, filter) === undefined).map((m) => m.id));
  }

  /** The operations a verb and path (relative to the base URL, no query) resolve to, most literal first. */
  resolve(verb: string, path: string): MethodDoc[] {
    const parts = path.split('/').filter(Boolean);
    return this.routes
      .filter((r) => r.verb === verb && r.segments.length === parts.length && r.segments.every((s, i) => s === null || s === parts[i]))
      .sort((a, b) => b.literals - a.literals)
      .map((r) => r.method);
  }

  isSelected(id: string): boolean {
    return this.selected.has(id);
  }

  /** Why a method is not served, as the message the agent sees; undefined when it is served. */
  refusal(m: MethodDoc): string | undefined {
    const why = exclusionReason(m, this.filter);
    return why === undefined ? undefined : `${m.id} is not allowed (${why})`;
  }

  /** The verdict on one request: undefined to let it through, else the reason. */
  check(verb: string, path: string): string | undefined {
    const ops = this.resolve(verb, path);
    if (ops.length === 0) return `${verb} ${path.slice(0, 200)} is not an operation of the Retell API`;
    // Two methods may share a route (agent.publish, chatAgent.publish): the request is the same, so
    // it goes through when either is served.
    if (ops.some((m) => this.selected.has(m.id))) return undefined;
    return this.refusal(ops[0]!);
  }
}

/** How many HTTP requests a run may still send; shared by every call of one `execute`. */
export class RequestBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

function refused(message: string): Response {
  const body = JSON.stringify({ status: 'error', message: `${message}; refused by the MCP server, nothing was sent` });
  return new Response(body, { status: 403, headers: { 'content-type': 'application/json', 'x-should-retry': 'false', [REFUSED_HEADER]: '1' } });
}

/**
 * A `fetch` for one SDK client: checks every request against the base URL, the policy and the budget
 * before handing it to the real `fetch`.
 */
export function guardedFetch(baseURL: string, policy: RequestPolicy, budget: RequestBudget, inner: typeof fetch = globalThis.fetch): typeof fetch {
  const base = new URL(baseURL);
  const basePath = base.pathname.replace(/\/+$/, '');
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    let url: URL;
    try {
      url = new URL(request ? request.url : String(input));
    } catch {
      return refused('the request URL does not parse');
    }
    const verb = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    if (url.origin !== base.origin || (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) || url.username || url.password) {
      return refused(`a request to ${url.origin.slice(0, 200)} (this server sends the API key only to ${base.origin})`);
    }
    const verdict = policy.check(verb, url.pathname.slice(basePath.length) || '/');
    if (verdict) return refused(verdict);
    budget.used += 1;
    if (budget.used > budget.limit) return refused(`too many HTTP requests in one run (limit ${budget.limit}; pagination pages and retries count)`);
    // No redirects: a 3xx must not carry the Authorization header to wherever it points.
    return inner(input, { ...init, redirect: 'error' });
  };
}
