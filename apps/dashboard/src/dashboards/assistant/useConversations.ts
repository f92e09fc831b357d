import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Conversation,
  clearConversations,
  loadConversations,
  saveConversation,
} from './history';

const queryKey = ['ssekit-dashboard', 'conversations'] as const;

/**
 * The conversation history through TanStack Query: read once, then every save writes the new
 * list into the cache. Swap `loadConversations`/`saveConversation` for your API calls.
 */
export function useConversations() {
  const client = useQueryClient();
  const list = useQuery({ queryKey, queryFn: loadConversations, staleTime: Infinity });
  const save = useMutation({
    mutationFn: saveConversation,
    onSuccess: (all) => client.setQueryData(queryKey, all),
  });
  const clear = useMutation({
    mutationFn: clearConversations,
    onSuccess: (all) => client.setQueryData(queryKey, all),
  });
  return {
    conversations: list.data ?? ([] as Conversation[]),
    loading: list.isPending,
    save: save.mutate,
    clear: clear.mutate,
  };
}
