/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the SSE backend (default: same origin, where the mock server is mounted). */
  readonly VITE_SSE_BASE_URL?: string;
}
