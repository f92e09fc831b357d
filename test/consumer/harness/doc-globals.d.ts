// What the docs' examples leave to the reader: their own app's code, and names an earlier example
// on the same page made (`prices`). Everything from ssekit, React, Node and the frameworks is
// imported by the examples themselves, as a reader pasting them needs it.

/** UI of the reader's app. */
declare function render(value: unknown): void;
declare function badge(status: string): void;
declare function show(event: import('@ssekit/core').SSEEvent): void;
declare function toast(title: string): void;
declare function Routes(): null;
declare function Orders(): null;
declare function Table(props: { rows: Quote[] }): null;
declare type Quote = { sym: string; price: number };
declare function fetchSnapshot(): Promise<Quote[]>;

/** Logging of the reader's devtools. */
declare function log(...values: unknown[]): void;
declare function count(id: number, event: import('@ssekit/core').SSEEvent): void;
declare function addBytes(id: number, bytes: number): void;
declare function forget(id: number): void;

/** The reader's auth and storage. */
declare function getToken(): Promise<string>;
declare const savedId: string;
declare const userId: string;

/** The reader's server: a framework app, TLS files, a model, request parsing. */
declare const app: {
  /** Hono */
  get(path: string, handler: (c: { req: { raw: Request } }) => unknown): void;
  /** Express */
  get(
    path: string,
    handler: (
      req: import('node:http').IncomingMessage & { user: { id: string } },
      res: import('node:http').ServerResponse,
    ) => unknown,
  ): void;
  use(
    middleware: (
      req: import('node:http').IncomingMessage,
      res: import('node:http').ServerResponse,
      next: () => void,
    ) => unknown,
  ): void;
};
declare const key: Buffer;
declare const cert: Buffer;
declare const model: {
  stream(prompt: string, options: { signal: AbortSignal }): AsyncIterable<string>;
};
declare function readJson(
  request: import('node:http').IncomingMessage,
): Promise<{ prompt: string }>;
declare const title: string;

/** A channel made by an earlier example on the page. */
declare const prices: import('@ssekit/server').Channel;
declare const channel: import('@ssekit/server').Channel;
