/**
 * The message types of the custom-LLM WebSocket, named from the side that sends them. They are the
 * client package's generated types (from the spec's `x-custom-llm-websocket` unions); nothing here
 * restates a field.
 */
import type {
  LlmSocketAgentInterrupt,
  LlmSocketCallDetails,
  LlmSocketClientMessage,
  LlmSocketConfig,
  LlmSocketPingPongRequest,
  LlmSocketReminderRequired,
  LlmSocketResponse,
  LlmSocketResponseRequired,
  LlmSocketServerMessage,
  LlmSocketToolCallInvocation,
  LlmSocketToolCallResult,
  LlmSocketUpdateOnly,
  LlmSocketUtterance,
} from '@retell-kit/client';

export type {
  LlmSocketAgentInterrupt,
  LlmSocketCallDetails,
  LlmSocketClientMessage,
  LlmSocketConfig,
  LlmSocketPingPongRequest,
  LlmSocketReminderRequired,
  LlmSocketResponse,
  LlmSocketResponseRequired,
  LlmSocketServerMessage,
  LlmSocketToolCallInvocation,
  LlmSocketToolCallResult,
  LlmSocketUpdateOnly,
  LlmSocketUtterance,
};

/** What Retell sends to your server (tagged by `interaction_type`). */
export type RetellMessage = LlmSocketServerMessage;
/** What your server sends to Retell (tagged by `response_type`). */
export type LlmMessage = LlmSocketClientMessage;
export type InteractionType = RetellMessage['interaction_type'];
export type ResponseType = LlmMessage['response_type'];
/** The protocol options of a `config` message. */
export type SocketConfig = NonNullable<LlmSocketConfig['config']>;
/** The optional fields of a `response` message besides its text: hang up, transfer, press a digit, no barge-in. */
export type ResponseOptions = Partial<Omit<LlmSocketResponse, 'response_type' | 'response_id' | 'content' | 'content_complete'>>;
/** A request that needs an answer: `response_required` or `reminder_required`. */
export type TurnRequest = LlmSocketResponseRequired | LlmSocketReminderRequired;
