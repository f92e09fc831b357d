import './assistant.css';
import { useTokenStream } from '@ssekit/react';
import { Markdown, TokenStreamView } from '@ssekit/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { type Conversation, type Turn, titleOf } from './history';
import { useConversations } from './useConversations';

export interface AssistantDashboardProps {
  /** Base URL of the SSE backend; `''` is this origin. Answers stream from `POST /sse/chat`. */
  baseUrl?: string;
}

const SUGGESTIONS = [
  'How does resume with Last-Event-ID work?',
  'Why share one connection between components?',
  'Show me a ticker hook',
];

interface Live {
  conversationId: string;
  turnId: string;
  /** The stream has been seen streaming this turn (so its next end is this turn's end). */
  started: boolean;
}

const newId = () => Math.random().toString(36).slice(2, 10);

/**
 * An AI assistant: answers stream token by token (`useTokenStream` over `POST /sse/chat`) as
 * markdown, with Stop and Retry; conversations are kept in a history (TanStack Query over
 * localStorage here; your API in an app).
 */
export function AssistantDashboard({ baseUrl = '' }: AssistantDashboardProps) {
  const { conversations, save, clear } = useConversations();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [live, setLive] = useState<Live | null>(null);
  const stream = useTokenStream({ url: `${baseUrl}/sse/chat` });
  const id = useId();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const active = conversations.find((c) => c.id === activeId) ?? null;
  const streaming = stream.status === 'streaming';

  // Keep the finished answer (done, stopped or error) in the history, once.
  const latest = useRef({ conversations, save });
  latest.current = { conversations, save };
  useEffect(() => {
    if (!live) return;
    if (stream.status === 'streaming') {
      if (!live.started) setLive({ ...live, started: true });
      return;
    }
    if (!live.started || stream.status === 'idle') return;
    const conversation = latest.current.conversations.find((c) => c.id === live.conversationId);
    if (!conversation) return;
    const status = stream.status;
    const turns = conversation.turns.map((t) =>
      t.id === live.turnId
        ? { ...t, answer: stream.text, status, error: stream.error?.message }
        : t,
    );
    latest.current.save({ ...conversation, turns, updatedAt: Date.now() });
    setLive({ ...live, started: false });
  }, [live, stream.status, stream.text, stream.error]);

  const ask = (prompt: string, retry?: { conversation: Conversation; turn: Turn }) => {
    const text = prompt.trim();
    if (!text || streaming) return;
    let conversation: Conversation;
    let turnId: string;
    if (retry) {
      turnId = retry.turn.id;
      conversation = {
        ...retry.conversation,
        turns: retry.conversation.turns.map((t) =>
          t.id === turnId
            ? { ...t, answer: '', status: 'streaming' as const, error: undefined }
            : t,
        ),
      };
    } else {
      turnId = newId();
      const turn: Turn = { id: turnId, prompt: text, answer: '', status: 'streaming' };
      conversation = active
        ? { ...active, turns: [...active.turns, turn] }
        : { id: newId(), title: titleOf(text), turns: [turn], updatedAt: 0 };
    }
    save({ ...conversation, updatedAt: Date.now() });
    setActiveId(conversation.id);
    setLive({ conversationId: conversation.id, turnId, started: false });
    setDraft('');
    stream.start({ prompt: text });
  };

  const newConversation = () => {
    if (streaming) stream.stop();
    setActiveId(null);
    setLive(null);
    promptRef.current?.focus();
  };

  return (
    <div className="chat">
      <nav className="chat-history" aria-labelledby={`${id}-history`}>
        <div className="chat-history-header">
          <h2 id={`${id}-history`}>Conversations</h2>
          <button type="button" onClick={newConversation}>
            New chat
          </button>
        </div>
        {conversations.length === 0 ? (
          <p className="chat-muted">Your conversations will be listed here.</p>
        ) : (
          <ul>
            {conversations.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-current={c.id === activeId ? 'true' : undefined}
                  onClick={() => {
                    if (streaming) stream.stop();
                    setActiveId(c.id);
                  }}
                >
                  {c.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        {conversations.length > 0 && (
          <button type="button" className="chat-clear" onClick={() => clear()}>
            Clear history
          </button>
        )}
      </nav>
      <section className="chat-main" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{active?.title ?? 'New conversation'}</h2>
        {!active || active.turns.length === 0 ? (
          <div className="chat-empty">
            <p className="chat-muted">Ask anything about server-sent events. Try:</p>
            <ul>
              {SUGGESTIONS.map((s) => (
                <li key={s}>
                  <button type="button" className="chat-suggestion" onClick={() => ask(s)}>
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ol className="chat-turns">
            {active.turns.map((turn, i) => {
              const isLive = live?.turnId === turn.id && stream.status !== 'idle';
              const last = i === active.turns.length - 1;
              const status = isLive ? stream.status : turn.status;
              return (
                <li key={turn.id} className="chat-turn" data-status={status}>
                  <p className="chat-prompt">
                    <span className="chat-visually-hidden">You: </span>
                    {turn.prompt}
                  </p>
                  {isLive ? (
                    <TokenStreamView
                      className="chat-answer"
                      label={`Answer to: ${titleOf(turn.prompt)}`}
                      text={stream.text}
                      status={stream.status}
                      error={stream.error}
                    />
                  ) : (
                    <div className="chat-answer">
                      <Markdown text={turn.answer} />
                      {turn.status !== 'done' && (
                        <p className="chat-note">
                          {turn.status === 'stopped'
                            ? 'Stopped.'
                            : turn.status === 'error'
                              ? `The answer broke off: ${turn.error ?? 'unknown error'}`
                              : 'Interrupted.'}
                        </p>
                      )}
                    </div>
                  )}
                  {last && !streaming && status !== 'streaming' && (
                    <button
                      type="button"
                      className="chat-retry"
                      onClick={() => ask(turn.prompt, { conversation: active, turn })}
                    >
                      Retry
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        <form
          className="chat-composer"
          onSubmit={(e) => {
            e.preventDefault();
            ask(draft);
          }}
        >
          <label htmlFor={`${id}-prompt`} className="chat-visually-hidden">
            Message
          </label>
          <textarea
            id={`${id}-prompt`}
            ref={promptRef}
            rows={2}
            value={draft}
            placeholder="Ask about SSE… (Enter to send, Shift+Enter for a new line)"
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                ask(draft);
              }
            }}
          />
          {streaming ? (
            <button type="button" className="chat-stop" onClick={stream.stop}>
              Stop
            </button>
          ) : (
            <button type="submit" className="chat-send" disabled={!draft.trim()}>
              Send
            </button>
          )}
        </form>
      </section>
    </div>
  );
}
