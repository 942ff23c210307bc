/**
 * Route matching over the spec's path templates. A path that matches some template but not with this
 * method is a 405 (with the methods that would work), not a 404, so a client calling `GET` on a `POST`
 * route learns what is wrong.
 */
import type { HttpMethod, MockRoute } from '../model.js';

interface CompiledRoute {
  readonly route: MockRoute;
  /** Literal segments, or `{ param }` for a template variable. */
  readonly segments: readonly (string | { readonly param: string })[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: MockRoute; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly HttpMethod[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path'; readonly message: string };

function compile(route: MockRoute): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((s) => (/^\{[^}]+\}$/.test(s) ? { param: s.slice(1, -1) } : s));
  return { route, segments };
}

export class Router {
  readonly #routes: readonly CompiledRoute[];

  constructor(routes: readonly MockRoute[]) {
    this.#routes = routes.map(compile);
  }

  match(method: string, pathname: string): RouteMatch {
    const raw = pathname.split('/').slice(1);
    let decoded: string[];
    try {
      decoded = raw.map((s) => decodeURIComponent(s));
    } catch {
      return { kind: 'bad-path', message: `The path ${pathname} is not valid percent-encoding.` };
    }
    const allow: HttpMethod[] = [];
    for (const { route, segments } of this.#routes) {
      if (segments.length !== decoded.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const seg = segments[i]!;
        const value = decoded[i]!;
        if (typeof seg === 'string') ok = seg === raw[i];
        else if (value === '') ok = false;
        else params[seg.param] = value;
      }
      if (!ok) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  }
}
