/** A run of text with the ANSI styles that apply to it. */
export interface AnsiSegment {
  text: string;
  /** Foreground colour name (`red`, `bright-blue`, ...), if any. */
  color?: string;
  bold?: boolean;
}

const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \), and any other two-byte escape.
// biome-ignore lint/complexity/useRegexLiterals: kept as a string for readability of the parts
const ESCAPES = new RegExp(
  '\\u001b\\[([0-9;?]*)([@-~])|\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?|\\u001b[0-~]?',
  'g',
);

/**
 * Splits a line with ANSI escape codes into styled segments. SGR codes 0 (reset),
 * 1 (bold), 22 (not bold), 39 (default colour), 30-37 and 90-97 (colours) are kept;
 * every other escape sequence and control character is removed.
 */
export function parseAnsi(input: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let color: string | undefined;
  let bold = false;
  let last = 0;
  const push = (raw: string) => {
    const text = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    if (!text) return;
    const segment: AnsiSegment = { text };
    if (color) segment.color = color;
    if (bold) segment.bold = true;
    const prev = segments[segments.length - 1];
    if (prev && prev.color === segment.color && prev.bold === segment.bold) prev.text += text;
    else segments.push(segment);
  };
  for (const match of input.matchAll(ESCAPES)) {
    push(input.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] !== 'm') continue;
    const params = (match[1] ?? '').split(';').map((p) => (p === '' ? 0 : Number(p)));
    for (const code of params) {
      if (code === 0) {
        color = undefined;
        bold = false;
      } else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code === 39) color = undefined;
      else if (code >= 30 && code <= 37) color = COLORS[code - 30];
      else if (code >= 90 && code <= 97) color = `bright-${COLORS[code - 90]}`;
    }
  }
  push(input.slice(last));
  return segments;
}
