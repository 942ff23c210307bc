/**
 * Which SDK methods a server exposes (`--resource`, `--read-only`, `--allow`, `--deny`). The same
 * selection governs the endpoint tools and what the `execute` sandbox may call; the request guard
 * (guard.ts) enforces it again on every HTTP request, whatever route a call resolves to.
 */
import type { MethodDoc } from './docs.js';

export interface MethodFilter {
  /** Facade resources to keep (`agent`, `call`, ...); empty: all. */
  readonly resources?: readonly string[];
  /** Keep only methods that change nothing (GET routes, list/retrieve/search). */
  readonly readOnly?: boolean;
  /** Method ids or tool names to keep (`agent.create`, `agent.*`, `agent_create`); empty: all. */
  readonly allow?: readonly string[];
  /** Method ids or tool names to drop; wins over `allow`. */
  readonly deny?: readonly string[];
}

/** `chatAgent.createVersion` → `chat_agent_create_version` (tool names: [a-z0-9_], ≤ 64). */
export function toolName(m: Pick<MethodDoc, 'resource' | 'method'>): string {
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return `${snake(m.resource)}_${snake(m.method)}`.slice(0, 64);
}

function matches(pattern: string, m: MethodDoc): boolean {
  if (pattern.endsWith('.*')) return m.resource === pattern.slice(0, -2);
  return pattern === m.id || pattern === toolName(m);
}

/** Which switch drops a method (`--resource`, `--read-only`, `--allow`, `--deny`); undefined: it is kept. */
export function exclusionReason(m: MethodDoc, filter: MethodFilter = {}): string | undefined {
  if (filter.resources && filter.resources.length > 0 && !filter.resources.includes(m.resource)) return '--resource';
  if (filter.readOnly && !m.readOnly) return '--read-only';
  if (filter.allow && filter.allow.length > 0 && !filter.allow.some((p) => matches(p, m))) return 'not in --allow';
  if (filter.deny && filter.deny.some((p) => matches(p, m))) return '--deny';
  return undefined;
}

export function selectMethods(methods: readonly MethodDoc[], filter: MethodFilter = {}): MethodDoc[] {
  return methods.filter((m) => exclusionReason(m, filter) === undefined);
}
