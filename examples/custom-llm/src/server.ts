/**
 * A custom-LLM WebSocket server for Retell in a few lines: greet, answer each turn with the echo
 * "LLM" (src/agent.ts), nudge on silence, report a tool call when asked to book. Point your agent's
 * `llm_websocket_url` at `<url printed below>` (Retell appends the call id).
 *   PORT=8080 pnpm --filter @retell-kit/example-custom-llm start
 */
import { createLlmSocketHandler } from '@retell-kit/llm-socket';
import { answer, lastUserText } from './agent.js';

const handler = createLlmSocketHandler({
  config: { auto_reconnect: true, call_details: true },
  onConnect(session) {
    // response_id 0 is the begin message: the agent speaks first.
    session.respond(0).end('Hello! This is the echo agent. How can I help?');
  },
  onCallDetails({ call }, session) {
    session.data['caller'] = call.call_type === 'phone_call' ? call.from_number : 'web';
  },
  async onResponseRequired(request, { session, signal }) {
    const said = lastUserText(request.transcript);
    if (/\bbook\b/i.test(said)) {
      const id = `tool_${request.response_id}`;
      session.send({ response_type: 'tool_call_invocation', tool_call_id: id, name: 'book_table', arguments: JSON.stringify({ party: 2 }) });
      session.send({ response_type: 'tool_call_result', tool_call_id: id, content: '{"confirmed":true}' });
    }
    return answer(said, signal);
  },
  onReminderRequired(_request, { signal }) {
    return answer('', signal);
  },
  onError(error, session) {
    console.error(`[custom-llm${session ? ` ${session.callId}` : ''}] ${error.code}: ${error.message}`);
  },
});

const { url } = await handler.listen({ port: Number(process.env['PORT'] ?? 8080), host: process.env['HOST'] ?? '127.0.0.1' });
console.log(`custom LLM listening: ${url}/{call_id}`);

const stop = (): void => {
  void handler.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
