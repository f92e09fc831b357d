/**
 * Base URL of the SSE backend. Empty (the default) means this origin, where `vite` and
 * `vite preview` mount the mock server under `/sse`; set `VITE_SSE_BASE_URL` at build time for
 * another server (it must allow this origin through CORS).
 */
export const sseBaseUrl = (import.meta.env.VITE_SSE_BASE_URL ?? '').replace(/\/$/, '');
