/**
 * Route matching over the spec's path templates. A path that matches some template but not with this
 * method is a 405 (with the methods that would work), not a 404, so a client calling `GET` on a `POST`
 * route learns what is wrong.
 */
import type { HttpMethod, MockRoute } from '../model.js';

/** A literal segment, a whole-segment `{param}`, or a segment mixing both (`{name}:cancel`) as a pattern. */
type Segment = string | { readonly param: string } | { readonly pattern: RegExp; readonly params: readonly string[] };

interface CompiledRoute {
  readonly route: MockRoute;
  readonly segments: readonly Segment[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: MockRoute; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly HttpMethod[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path'; readonly message: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSegment(s: string): Segment {
  if (/^\{[^{}]+\}$/.test(s)) return { param: s.slice(1, -1) };
  if (!/\{[^{}]+\}/.test(s)) return s;
  const params: string[] = [];
  const source = s.split(/(\{[^{}]+\})/).map((part) => {
    if (!/^\{[^{}]+\}$/.test(part)) return escapeRegExp(part);
    params.push(part.slice(1, -1));
    return '(.+?)';
  });
  return { pattern: new RegExp(`^${source.join('')}$`), params };
}

function compile(route: MockRoute): CompiledRoute {
  return { route, segments: route.path.split('/').slice(1).map(compileSegment) };
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
        // A literal matches as written or decoded (a spec path may hold `#` or spaces the client encodes).
        if (typeof seg === 'string') ok = seg === raw[i] || seg === value;
        else if (value === '') ok = false;
        else if ('param' in seg) params[seg.param] = value;
        else {
          const found = seg.pattern.exec(value);
          ok = found !== null;
          seg.params.forEach((name, j) => (params[name] = found?.[j + 1] ?? ''));
        }
      }
      if (!ok) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allow.push(route.method);
    }
    // HEAD is GET without a body where the spec declares no HEAD of its own.
    if (method === 'HEAD' && allow.includes('GET')) return this.match('GET', pathname);
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  }
}
