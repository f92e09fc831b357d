import { SSEError } from '../errors';
import type { SSEEvent } from '../types';

/**
 * A piece of an answer that is not its text, as a protocol reads it from one event. Deltas
 * (`reasoning`, `refusal`, a tool call's `input`) are joined into one {@link TokenPart} per block.
 */
export type TokenPartDelta =
  /** The model's reasoning (thinking), a delta. */
  | { type: 'reasoning'; delta: string }
  /** A refusal message, a delta. */
  | { type: 'refusal'; delta: string }
  /** A tool call: its start (with `name`) and the deltas of its JSON arguments (`delta`). */
  | { type: 'tool-call'; id: string; name?: string; delta?: string }
  /** A tool's result (when the server runs the tool). */
  | { type: 'tool-result'; id: string; output: unknown }
  /** Token counts as the provider reports them; a later report replaces an earlier one. */
  | { type: 'usage'; usage: Record<string, unknown> }
  /** Why the model stopped (`stop`, `end_turn`, `length`, `tool_calls`, ...). */
  | { type: 'finish'; reason: string }
  /** Anything else the provider sends as structured data (AI SDK `data-*` parts, sources, ...). */
  | { type: 'data'; name: string; data: unknown };

/** A structured part of an answer, joined from its deltas (see {@link TokenPartDelta}). */
export type TokenPart =
  | { type: 'reasoning'; text: string }
  | { type: 'refusal'; text: string }
  | { type: 'tool-call'; id: string; name: string; input: string; output?: unknown }
  | { type: 'usage'; usage: Record<string, unknown> }
  | { type: 'finish'; reason: string }
  | { type: 'data'; name: string; data: unknown };

/** What one event means for the answer. Every field is optional: `{}` means "nothing". */
export interface TokenStep {
  /** Text to append to the answer. */
  text?: string;
  /** Structured parts (never text). */
  parts?: TokenPartDelta[];
  /** The answer is complete. */
  done?: boolean;
  /** The provider reported an error: the answer ends with it. */
  error?: ProviderError;
}

/** Reads the events of one answer in order; `undefined` for an event that means nothing. */
export type TokenReader = (event: SSEEvent) => TokenStep | undefined;

/**
 * A wire format of AI answers: which events carry it and what each one means. Built-ins:
 * `ssekitTokens`, `openAIChat`, `openAIResponses`, `anthropicMessages`, `aiSdkUIMessages`.
 */
export interface TokenProtocol {
  /** A name for messages and devtools, e.g. `'openai-chat'`. */
  readonly name: string;
  /** The event types to read (`'message'` for data-only streams); others are ignored. */
  readonly events: readonly string[];
  /** A fresh reader for one answer (a reader may keep state, e.g. tool-call ids by index). */
  reader(): TokenReader;
}

/**
 * An error event of the provider (overloaded, rate limited, content filtered, ...): `message`
 * is the provider's own message; `type` and `providerCode` are its classification when sent.
 */
export class ProviderError extends SSEError {
  /** The provider's error type, e.g. `overloaded_error` (Anthropic) or `server_error` (OpenAI). */
  readonly type: string | undefined;
  /** The provider's error code, e.g. `rate_limit_exceeded`, when it sends one. */
  readonly providerCode: string | undefined;
  constructor(message: string, details: { type?: unknown; code?: unknown; cause?: unknown } = {}) {
    super('provider', message || 'The provider reported an error', { cause: details.cause });
    this.type = textOrUndefined(details.type);
    this.providerCode = textOrUndefined(details.code);
  }
}

function textOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The event's data as JSON; an SSEError `parse` naming the protocol when it is not JSON. */
export function jsonData(event: SSEEvent, protocol: string): unknown {
  try {
    return JSON.parse(event.data);
  } catch (cause) {
    throw new SSEError(
      'parse',
      `${protocol}: a "${event.event}" event is not JSON: ${event.data.slice(0, 80)}`,
      { cause },
    );
  }
}

/** `value` as a record, or an empty one: protocols read optional fields without throwing. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** `value` when it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A provider error from an `{ message, type, code }` object (the common shape). */
export function providerError(value: unknown, fallback = 'The provider reported an error') {
  const e = record(value);
  return new ProviderError(str(e.message) ?? fallback, { type: e.type, code: e.code });
}

/**
 * Joins a part delta into the parts of an answer (a new array; the old one is left as it is):
 * deltas of the same block grow its text, a later `usage` or `finish` replaces the earlier one.
 */
export function joinPart(parts: readonly TokenPart[], delta: TokenPartDelta): TokenPart[] {
  const next = [...parts];
  const last = next[next.length - 1];
  switch (delta.type) {
    case 'reasoning':
    case 'refusal':
      if (last?.type === delta.type)
        next[next.length - 1] = { ...last, text: last.text + delta.delta };
      else next.push({ type: delta.type, text: delta.delta });
      return next;
    case 'tool-call':
    case 'tool-result': {
      const at = next.findIndex((p) => p.type === 'tool-call' && p.id === delta.id);
      const call =
        at === -1 ? { type: 'tool-call' as const, id: delta.id, name: '', input: '' } : next[at];
      if (call?.type !== 'tool-call') return next;
      const joined =
        delta.type === 'tool-result'
          ? { ...call, output: delta.output }
          : { ...call, name: delta.name ?? call.name, input: call.input + (delta.delta ?? '') };
      if (at === -1) next.push(joined);
      else next[at] = joined;
      return next;
    }
    case 'usage':
    case 'finish': {
      const at = next.findIndex((p) => p.type === delta.type);
      if (at === -1) next.push(delta);
      else next[at] = delta;
      return next;
    }
    default:
      next.push(delta);
      return next;
  }
}
