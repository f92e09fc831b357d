/** Benchmark inputs: realistic streams, already cut into the chunks a network would deliver. */
export interface Corpus {
  name: string;
  chunks: Uint8Array[];
  bytes: number;
}

const encoder = new TextEncoder();

function cut(name: string, text: string, chunkSize: number): Corpus {
  const all = encoder.encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += chunkSize) chunks.push(all.subarray(i, i + chunkSize));
  return { name, chunks, bytes: all.length };
}

/** A small deterministic PRNG, so every run parses the same bytes. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ticker(count: number): string {
  const rnd = random(1);
  const symbols = ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'NVDA', 'TSLA', 'META', 'NFLX'];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const symbol = symbols[i % symbols.length];
    const price = (100 + rnd() * 900).toFixed(2);
    const change = ((rnd() - 0.5) * 4).toFixed(3);
    const json = `{"symbol":"${symbol}","price":${price},"change":${change},"volume":${Math.floor(rnd() * 1e6)},"ts":${1_700_000_000_000 + i}}`;
    parts.push(`id: ${i}\nevent: tick\ndata: ${json}\n\n`);
  }
  return parts.join('');
}

function tokens(count: number): string {
  const rnd = random(2);
  const words = ['the', ' stream', ' of', ' tokens', ',', ' model', ' says', ' hello', '.', '\\n'];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = words[Math.floor(rnd() * words.length)];
    parts.push(`data: {"type":"token","index":${i},"text":"${word}"}\n\n`);
  }
  return `${parts.join('')}data: [DONE]\n\n`;
}

function crlfMultiline(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [`id: ${i}`, 'event: log', ': heartbeat'];
    for (let j = 0; j < 6; j++)
      lines.push(`data: [${i}:${j}] build step ${j} finished in ${i % 97} ms`);
    parts.push(`${lines.join('\r\n')}\r\n\r\n`);
  }
  return parts.join('');
}

function bigEvents(count: number, size: number): string {
  const body = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(size / 36)).slice(0, size);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`id: ${i}\ndata: ${body}\n\n`);
  return parts.join('');
}

function unicode(count: number): string {
  const phrases = [
    'こんにちは世界',
    'Grüße aus Köln',
    '😀🎉🚀 fast',
    'Привет, мир',
    '你好，流式事件',
  ];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`data: {"user":"ü${i % 50}","text":"${phrases[i % phrases.length]} #${i}"}\n\n`);
  }
  return parts.join('');
}

function hugeLine(size: number): string {
  return `data: ${'x'.repeat(size)}\n\n`;
}

/** A corpus is built only when its turn comes, so the others do not weigh on the heap. */
export interface CorpusSource {
  name: string;
  build(): Corpus;
}

function source(name: string, text: () => string, chunkSize: number): CorpusSource {
  return { name, build: () => cut(name, text(), chunkSize) };
}

/** Every corpus of the benchmark, 5 to 8 MB each unless named otherwise. */
export const corpora: CorpusSource[] = [
  source('ticker JSON, 16 KiB chunks', () => ticker(50_000), 16 * 1024),
  source('AI tokens, 64 B chunks', () => tokens(100_000), 64),
  source('CRLF multi-line, 4 KiB chunks', () => crlfMultiline(25_000), 4 * 1024),
  source('256 KiB events, 16 KiB chunks', () => bigEvents(32, 256 * 1024), 16 * 1024),
  source('unicode chat, 1 KiB chunks', () => unicode(100_000), 1024),
  source('50 MB line, 64 B chunks', () => hugeLine(50 * 1024 * 1024), 64),
  source('2 MB line, 1 B chunks', () => hugeLine(2 * 1024 * 1024), 1),
];
