/** Inline markdown: text, strong, emphasis, inline code and safe links. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

/** Block markdown: paragraphs, fenced code and lists. `source` is the block's raw text. */
export type Block =
  | { type: 'paragraph'; source: string; text: string }
  | { type: 'code'; source: string; lang: string; text: string; closed: boolean }
  | { type: 'list'; source: string; ordered: boolean; items: string[] };

const FENCE = /^\s{0,3}```\s*([\w+-]*)\s*$/;
const FENCE_CLOSE = /^\s{0,3}```\s*$/;
const ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const PARTIAL_FENCE = /^\s{0,3}`{1,2}$/;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Splits markdown into blocks. Unfinished syntax never flickers: an unclosed code
 * fence is a code block (`closed: false`), and while `streaming` a last line that
 * could still become a fence (one or two backticks) is held back.
 */
export function parseBlocks(markdown: string, streaming = false): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  if (streaming && PARTIAL_FENCE.test(lines[lines.length - 1] ?? '')) lines.pop();
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const start = i;
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE_CLOSE.test(lines[i] ?? '')) body.push(lines[i++] ?? '');
      const closed = i < lines.length;
      if (closed) i++;
      blocks.push({
        type: 'code',
        source: lines.slice(start, i).join('\n'),
        lang: fence[1] ?? '',
        text: body.join('\n'),
        closed,
      });
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const first = ITEM.exec(line);
    if (first) {
      const start = i;
      const ordered = /\d/.test(first[1] ?? '');
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = ITEM.exec(current);
        if (item) items.push(item[2] ?? '');
        else if (current.trim() !== '' && /^\s/.test(current) && items.length > 0) {
          items[items.length - 1] += ` ${current.trim()}`;
        } else break;
        i++;
      }
      blocks.push({ type: 'list', source: lines.slice(start, i).join('\n'), ordered, items });
      continue;
    }
    const start = i;
    while (i < lines.length) {
      const current = lines[i] ?? '';
      if (current.trim() === '' || FENCE.test(current) || (i > start && ITEM.test(current))) break;
      i++;
    }
    const source = lines.slice(start, i).join('\n');
    blocks.push({ type: 'paragraph', source, text: source });
  }
  return blocks;
}

/**
 * Parses inline markdown. A marker without its closing partner (`**bold` while the
 * answer is still streaming) stays plain text until the partner arrives.
 */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (ch === '*' && text[i + 1] === '*') {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
      plain += '**';
      i += 2;
      continue;
    } else if ((ch === '*' || ch === '_') && isEmphasisStart(text, i)) {
      const end = findEmphasisEnd(text, i + 1, ch);
      if (end > 0) {
        flush();
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    } else if (ch === '[') {
      const link = /^\[([^\]\n]*)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (link) {
        flush();
        const children = parseInline(link[1] ?? '');
        const href = safeHref(link[2] ?? '');
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

function isEmphasisStart(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || next === text[i] || /\s/.test(next)) return false;
  return text[i] === '*' || i === 0 || !/[\p{L}\p{N}_]/u.test(text[i - 1] ?? '');
}

function findEmphasisEnd(text: string, from: number, marker: string): number {
  for (let j = from + 1; j < text.length; j++) {
    if (text[j] !== marker) continue;
    if (marker === '*' && text[j + 1] === '*') {
      j++;
      continue;
    }
    if (/\s/.test(text[j - 1] ?? '')) continue;
    if (marker === '_' && /[\p{L}\p{N}_]/u.test(text[j + 1] ?? '')) continue;
    return j;
  }
  return -1;
}

/** The URL if it is absolute http(s) or mailto, else null (`javascript:` and friends are dropped). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Plain text of inline markdown (for announcements). */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.text : inlineText(n.children)))
    .join('');
}

/** Plain text of a whole answer (for announcements). */
export function plainText(markdown: string): string {
  return parseBlocks(markdown)
    .map((b) =>
      b.type === 'code'
        ? b.text
        : b.type === 'list'
          ? b.items.map((item) => inlineText(parseInline(item))).join('\n')
          : inlineText(parseInline(b.text)),
    )
    .join('\n\n');
}
