/**
 * The example's "LLM": no model, no network. It echoes what the user said, word by word with a small
 * delay as a real model's token stream would arrive, reports a tool call when asked to book something,
 * and hangs up on goodbye. The stream stops as soon as `signal` aborts (the user interrupted).
 */
import type { LlmSocketUtterance, ResponseChunk } from '@retell-kit/llm-socket';

const WORD_DELAY_MS = 5;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export function lastUserText(transcript: readonly LlmSocketUtterance[]): string {
  for (let i = transcript.length - 1; i >= 0; i--) if (transcript[i]!.role === 'user') return transcript[i]!.content;
  return '';
}

/** The answer to `said`, as chunks; `end_call` rides on the last one when the user says goodbye. */
export async function* answer(said: string, signal: AbortSignal): AsyncGenerator<ResponseChunk> {
  const goodbye = /\b(bye|goodbye)\b/i.test(said);
  const text = goodbye ? 'Thank you for calling. Goodbye!' : said ? `You said: ${said}` : 'Are you still there?';
  for (const word of text.split(' ')) {
    if (signal.aborted) return;
    await sleep(WORD_DELAY_MS, signal);
    yield `${word} `;
  }
  if (goodbye) yield { end_call: true };
}
