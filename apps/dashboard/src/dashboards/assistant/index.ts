export { AssistantDashboard, type AssistantDashboardProps } from './AssistantDashboard';
export { type Conversation, loadConversations, saveConversation, type Turn } from './history';
export { useConversations } from './useConversations';
