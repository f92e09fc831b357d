/** What `GET /sse/` lists: every scenario and fault switch, with example URLs. */
export interface Catalog {
  name: string;
  scenarios: Array<{
    name: string;
    method: string;
    path: string;
    events: string[];
    params: Record<string, string>;
    examples: string[];
  }>;
  switches: Array<{ name: string; description: string; example: string }>;
}

export const CATALOG: Catalog = {
  name: 'ssekit mock SSE server',
  scenarios: [
    {
      name: 'ticker',
      method: 'GET',
      path: '/sse/ticker',
      events: ['quote'],
      params: {
        symbols: 'comma-separated symbols (default AAPL,MSFT,GOOG)',
        rate: 'quotes per second across all symbols (default 10, up to 10000)',
      },
      examples: ['/sse/ticker?symbols=AAPL,MSFT,GOOG&rate=20', '/sse/ticker?rate=2000'],
    },
    {
      name: 'notifications',
      method: 'GET, POST',
      path: '/sse/notifications',
      events: ['notification'],
      params: {
        user: 'also receive items for this user',
        rate: 'generated notifications per second (default 1; 0 = only published ones)',
        'POST body': '{ "kind", "title", "body", "user"?, "href"? } publishes one',
      },
      examples: ['/sse/notifications?user=alice&rate=1', '/sse/notifications?rate=0'],
    },
    {
      name: 'jobs',
      method: 'POST, GET',
      path: '/sse/jobs',
      events: ['progress', 'done', 'failed'],
      params: {
        'POST body': '{ "durationMs"?: 3000, "fail"?: false } → 201 { id, url }',
        'GET /sse/jobs/:id': 'progress of that job; 204 after its end, 404 if unknown',
        'GET /sse/jobs/:id/log': 'its build log in step with it (log events, then end)',
        'GET /sse/jobs/demo': 'a fresh job for every connection (durationMs, fail)',
      },
      examples: ['/sse/jobs/demo?durationMs=3000', '/sse/jobs/demo?durationMs=2000&fail=1'],
    },
    {
      name: 'chat',
      method: 'POST, GET, DELETE',
      path: '/sse/chat',
      events: ['token', 'done'],
      params: {
        prompt: 'the question (POST JSON body { "prompt" } or ?prompt=)',
        tokens: 'stop after this many tokens',
        payload: 'xss: the answer contains <img onerror> and <script> as text',
        rate: 'tokens per second (default 40)',
        run: '1: a resumable run (ids <runId>:<seq>; join with Last-Event-ID; DELETE with x-ssekit-run cancels)',
      },
      examples: [
        '/sse/chat?prompt=What%20is%20SSE%3F',
        '/sse/chat?prompt=hi&run=1&dropAfter=20',
        '/sse/chat?prompt=hi&payload=xss&tokens=60',
      ],
    },
    {
      name: 'logs',
      method: 'GET',
      path: '/sse/logs',
      events: ['log', 'end'],
      params: {
        rate: 'lines per second (default 20)',
        lines: 'end after this many lines with an `end` event (omit: endless)',
      },
      examples: ['/sse/logs?rate=20&lines=200', '/sse/logs?rate=100'],
    },
  ],
  switches: [
    {
      name: 'seed',
      description: 'deterministic output: same URL and seed, same events',
      example: '/sse/ticker?seed=42',
    },
    { name: 'rate', description: 'events per second', example: '/sse/ticker?rate=500' },
    { name: 'delay', description: 'ms to wait before each event', example: '/sse/logs?delay=500' },
    {
      name: 'dropAfter',
      description: 'destroy the socket after N events of the connection',
      example: '/sse/ticker?dropAfter=5',
    },
    {
      name: 'dropMidEvent',
      description: 'write half of event N, then destroy the socket',
      example: '/sse/ticker?dropMidEvent=3',
    },
    {
      name: 'stallAfter',
      description: 'after N events send nothing (no heartbeats) but keep the socket open',
      example: '/sse/ticker?stallAfter=3',
    },
    {
      name: 'status',
      description: 'answer with this HTTP status instead of a stream',
      example: '/sse/ticker?status=503&retryAfter=2',
    },
    {
      name: 'retryAfter',
      description: 'seconds for a Retry-After header with status',
      example: '/sse/ticker?status=429&retryAfter=5',
    },
    {
      name: 'contentType',
      description: 'answer with a wrong content type',
      example: '/sse/ticker?contentType=text/plain',
    },
    {
      name: 'malformed',
      description: 'mix in junk a spec-exact parser must skip',
      example: '/sse/ticker?malformed=1',
    },
    { name: 'retry', description: 'send `retry: <ms>` first', example: '/sse/ticker?retry=500' },
    {
      name: 'heartbeatMs',
      description: 'heartbeat comment interval (default 15000, 0 = off)',
      example: '/sse/ticker?heartbeatMs=1000',
    },
    {
      name: 'lastEventId',
      description:
        'resume point (an id the stream sent, <epoch>-<n>) for clients that cannot send Last-Event-ID',
      example: '/sse/ticker?lastEventId=s1agh1dd-10',
    },
  ],
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const link = (path: string) => `<a href="${escapeHtml(path)}">${escapeHtml(path)}</a>`;

/** A small HTML page listing the scenarios and switches. */
export function catalogHtml(catalog: Catalog = CATALOG): string {
  const scenarios = catalog.scenarios
    .map(
      (
        s,
      ) => `<section><h2>${escapeHtml(s.name)} <small>${escapeHtml(s.method)} ${escapeHtml(s.path)}</small></h2>
<p>Events: ${s.events.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')}</p>
<ul>${Object.entries(s.params)
        .map(([k, v]) => `<li><code>${escapeHtml(k)}</code>: ${escapeHtml(v)}</li>`)
        .join('')}</ul>
<p>Try: ${s.examples.map(link).join(' · ')}</p></section>`,
    )
    .join('\n');
  const switches = catalog.switches
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.name)}</code></td><td>${escapeHtml(s.description)}</td><td>${link(s.example)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(catalog.name)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}td{padding:.2em .6em;vertical-align:top}small{color:#666;font-weight:normal}</style>
</head><body><h1>${escapeHtml(catalog.name)}</h1>
<p>Every stream sends an <code>id</code> (<code>&lt;epoch&gt;-&lt;n&gt;</code>) with each event (JSON data), honours <code>Last-Event-ID</code> (an id of another history gets a <code>reset</code>) and sends heartbeat comments. JSON version: ${link('/sse/')}</p>
${scenarios}
<h2>Fault switches (query parameters on every stream)</h2>
<table>${switches}</table></body></html>
`;
}
