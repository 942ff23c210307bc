/**
 * Recording and replay. A recording is JSON Lines: one line per frame, `{ "t": ms since the call
 * started, "dir": "out" (Retell → server) | "in" (server → Retell), "message": {...} }`, preceded by a
 * header line `{ "recording": 1, "url", "callId" }`. Replaying turns Retell's side of a recording (or
 * a real call's `transcript_object`, as the call API returns it) back into a script, so the same
 * conversation can be played against another build of the server.
 */
import { readFile, stat } from 'node:fs/promises';
import { sanitize } from '../protocol/parse.js';
import { parseScript, ScriptError, type SimScript, type SimStep } from './script.js';

export interface RecordedFrame {
  readonly t: number;
  readonly dir: 'in' | 'out';
  readonly message: Record<string, unknown>;
}

const MAX_BYTES = 16 * 1024 * 1024;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A recorder to pass as the simulator's `trace`; `lines()` is the JSONL text. */
export function createRecorder(url: string, callId = ''): { trace: (dir: 'in' | 'out', message: unknown) => void; lines(): string } {
  const started = performance.now();
  const frames: string[] = [JSON.stringify({ recording: 1, url, callId })];
  return {
    trace: (dir, message) => void frames.push(JSON.stringify({ t: Math.round((performance.now() - started) * 10) / 10, dir, message })),
    lines: () => `${frames.join('\n')}\n`,
  };
}

/** Parses a recording; each bad line is reported with its line number. */
export function parseRecording(text: string, file = 'recording'): RecordedFrame[] {
  const frames: RecordedFrame[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
      sanitize(value, 32);
    } catch (error) {
      throw new ScriptError(`line ${i + 1}: ${(error as Error).message}`, '', file);
    }
    if (isObj(value) && value['recording'] !== undefined) continue;
    if (!isObj(value) || (value['dir'] !== 'in' && value['dir'] !== 'out') || typeof value['t'] !== 'number' || !isObj(value['message'])) {
      throw new ScriptError(`line ${i + 1}: expected {"t": number, "dir": "in"|"out", "message": {...}}`, '', file);
    }
    frames.push(value as unknown as RecordedFrame);
  }
  return frames;
}

const lastUser = (transcript: unknown): string | undefined => {
  if (!Array.isArray(transcript)) return undefined;
  for (let i = transcript.length - 1; i >= 0; i--) {
    const u = transcript[i] as Obj;
    if (isObj(u) && u['role'] === 'user' && typeof u['content'] === 'string') return u['content'];
  }
  return undefined;
};

/** Retell's side of a recording as a script: each `response_required` a user turn, each reminder a silence. */
export function recordingToScript(frames: readonly RecordedFrame[], callId?: string): SimScript {
  const turns: SimStep[] = [];
  let lastAt = 0;
  let greeting = false;
  for (const f of frames) {
    const m = f.message;
    if (f.dir === 'in' && m['response_type'] === 'response' && m['response_id'] === 0) greeting = true;
    if (f.dir !== 'out') continue;
    if (m['interaction_type'] === 'response_required') {
      turns.push({ user: lastUser(m['transcript']) ?? '' });
    } else if (m['interaction_type'] === 'reminder_required') {
      turns.push({ silence: Math.max(0, Math.min(600_000, Math.round(f.t - lastAt))) });
    }
    if (m['interaction_type'] === 'response_required' || m['interaction_type'] === 'reminder_required') lastAt = f.t;
  }
  return parseScript({ ...(callId ? { call_id: callId } : {}), begin_message: greeting, turns });
}

/** A real call's `transcript_object` (or the call object holding it) as a script: one step per user utterance. */
export function transcriptToScript(value: unknown): SimScript {
  const transcript = isObj(value) ? value['transcript_object'] : value;
  if (!Array.isArray(transcript)) throw new ScriptError('expected a call object with transcript_object, or the transcript_object array', '/transcript_object');
  const turns: SimStep[] = [];
  let greeting = false;
  for (const [i, u] of transcript.entries()) {
    if (!isObj(u) || typeof u['content'] !== 'string') throw new ScriptError('must be an utterance with a string content', `/transcript_object/${i}`);
    if (u['role'] === 'user') turns.push({ user: u['content'] });
    else if (u['role'] === 'agent' && turns.length === 0) greeting = true;
  }
  if (turns.length === 0) throw new ScriptError('the transcript has no user utterance to replay', '/transcript_object');
  const call = isObj(value) ? value : {};
  return parseScript({
    begin_message: greeting,
    ...(typeof call['agent_id'] === 'string' ? { agent_id: call['agent_id'] } : {}),
    turns,
  });
}

/** Reads a file bounded in size (recordings and call JSON). */
export async function readBounded(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_BYTES) throw new ScriptError(`larger than ${MAX_BYTES} bytes`, '', file);
  return readFile(file, 'utf8');
}

/** The agent's side of a recording, turn by turn (what a replay should reproduce). */
export function recordedAgentTurns(frames: readonly RecordedFrame[]): string[] {
  const byId = new Map<number, string>();
  for (const f of frames) {
    const m = f.message;
    if (f.dir === 'in' && m['response_type'] === 'response' && typeof m['response_id'] === 'number') {
      byId.set(m['response_id'], (byId.get(m['response_id']) ?? '') + String(m['content'] ?? ''));
    }
  }
  return [...byId.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}
