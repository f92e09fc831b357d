/** One question and its answer. */
export interface Turn {
  id: string;
  prompt: string;
  answer: string;
  /** How the answer ended; `streaming` only while it is being written. */
  status: 'streaming' | 'done' | 'stopped' | 'error';
  error?: string;
}

/** A conversation of the history, newest turn last. */
export interface Conversation {
  id: string;
  title: string;
  turns: readonly Turn[];
  updatedAt: number;
}

const KEY = 'ssekit-dashboard-conversations';

/** Conversations kept, newest first. */
export const MAX_CONVERSATIONS = 30;

/** The saved conversations, newest first (an empty list when there are none or they are unreadable). */
export async function loadConversations(): Promise<Conversation[]> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? (value as Conversation[]) : [];
  } catch {
    return [];
  }
}

/** Saves one conversation (new or changed) at the top of the history and returns the history. */
export async function saveConversation(conversation: Conversation): Promise<Conversation[]> {
  const rest = (await loadConversations()).filter((c) => c.id !== conversation.id);
  const all = [conversation, ...rest].slice(0, MAX_CONVERSATIONS);
  localStorage.setItem(KEY, JSON.stringify(all));
  return all;
}

/** Deletes every saved conversation. */
export async function clearConversations(): Promise<Conversation[]> {
  localStorage.removeItem(KEY);
  return [];
}

/** A conversation's title: the start of its first prompt. */
export function titleOf(prompt: string): string {
  const line = prompt.trim().replace(/\s+/g, ' ');
  return line.length > 48 ? `${line.slice(0, 47)}…` : line || 'New conversation';
}
