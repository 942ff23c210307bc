/**
 * Upgrade path patterns: `/llm-websocket/:call_id` matches `/llm-websocket/call_123` (query ignored)
 * and yields the call id. Retell appends the call id to the agent's `llm_websocket_url`, so the id is
 * the one `:call_id` segment; it is percent-decoded and bounded, never trusted as a path.
 */
export const DEFAULT_PATH = '/llm-websocket/:call_id';
const MAX_CALL_ID = 256;

export type PathMatcher = (url: string | undefined) => { callId: string } | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compilePath(pattern: string): PathMatcher {
  const parts = pattern.split(':call_id');
  if (parts.length !== 2 || !pattern.startsWith('/')) throw new TypeError(`path pattern must start with "/" and contain ":call_id" once: ${pattern}`);
  const re = new RegExp(`^${escapeRegExp(parts[0]!)}([^/?#]+)${escapeRegExp(parts[1]!)}/?$`);
  return (url) => {
    if (!url || url.length > 2048) return undefined;
    const pathname = url.split('?', 1)[0]!;
    const match = re.exec(pathname);
    if (!match) return undefined;
    let callId: string;
    try {
      callId = decodeURIComponent(match[1]!);
    } catch {
      return undefined;
    }
    if (callId.length === 0 || callId.length > MAX_CALL_ID || /[\u0000-\u001f/]/.test(callId)) return undefined;
    return { callId };
  };
}
