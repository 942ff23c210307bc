/**
 * Reads a `.cpuprofile` (the format `node --cpu-prof` writes) and sums self time per frame and per
 * bucket (our runtime, undici, other node internals, GC, idle), so two clients' profiles can be read
 * side by side: what ours spends that plain fetch does not.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Frame { name: string; bucket: string; selfMs: number; share: number }
export interface ProfileSummary { totalMs: number; buckets: Record<string, number>; frames: Frame[] }

/** Which part of the stack a frame belongs to, from its script URL. */
export function bucketOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return name.slice(1, -1);
  if (url.includes('/packages/client/') || url.includes('/packages/sdk/')) return 'retell-kit';
  if (url.includes('retell-sdk')) return 'retell-sdk';
  if (url.includes('undici')) return 'undici';
  if (url.startsWith('node:')) return 'node';
  if (url === '') return 'native';
  return 'other';
}

function short(url: string): string {
  const at = url.lastIndexOf('/packages/');
  if (at !== -1) return url.slice(at + 1);
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) return url.slice(nm + 'node_modules/'.length);
  return url.replace(/^node:internal\/deps\//, '').replace(/^file:\/\//, '');
}

export function summarize(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time per node from the samples and their time deltas (µs), as DevTools computes it.
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const frames = new Map<string, Frame>();
  const buckets: Record<string, number> = {};
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    const bucket = bucketOf(callFrame.url, callFrame.functionName);
    if (bucket === 'idle') continue;
    total += us;
    buckets[bucket] = (buckets[bucket] ?? 0) + us / 1000;
    const name = `${callFrame.functionName || '(anonymous)'} ${short(callFrame.url)}:${callFrame.lineNumber + 1}`.trim();
    const frame = frames.get(name) ?? { name, bucket, selfMs: 0, share: 0 };
    frame.selfMs += us / 1000;
    frames.set(name, frame);
  }
  const sorted = [...frames.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const frame of sorted) frame.share = frame.selfMs / (total / 1000);
  return { totalMs: total / 1000, buckets, frames: sorted };
}

/** Text for the terminal and the closing note: busy time per request, buckets, then the top frames. */
export function formatSummary(label: string, summary: ProfileSummary, requests: number): string {
  const perReq = (ms: number): string => `${((ms * 1000) / requests).toFixed(1)} us/req`;
  const lines = [`${label}: ${summary.totalMs.toFixed(0)} ms busy (${perReq(summary.totalMs)})`];
  const buckets = Object.entries(summary.buckets).sort((a, b) => b[1] - a[1]);
  lines.push(`  by part: ${buckets.map(([name, ms]) => `${name} ${perReq(ms)}`).join(', ')}`);
  for (const frame of summary.frames) {
    lines.push(`  ${(frame.share * 100).toFixed(1).padStart(5)}%  ${frame.selfMs.toFixed(0).padStart(6)} ms  [${frame.bucket}] ${frame.name}`);
  }
  return lines.join('\n');
}
