import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi';

describe('parseAnsi', () => {
  it('maps SGR colours and bold to segments', () => {
    expect(parseAnsi('a \u001b[32mgreen\u001b[0m \u001b[1;91mbold red\u001b[0m.')).toEqual([
      { text: 'a ' },
      { text: 'green', color: 'green' },
      { text: ' ' },
      { text: 'bold red', color: 'bright-red', bold: true },
      { text: '.' },
    ]);
  });

  it('treats ESC[m as a reset and keeps styles across codes', () => {
    expect(parseAnsi('\u001b[1mB\u001b[34mC\u001b[mD')).toEqual([
      { text: 'B', bold: true },
      { text: 'C', color: 'blue', bold: true },
      { text: 'D' },
    ]);
  });

  it('strips other escapes and control characters', () => {
    const line =
      '\u001b[2K\u001b[1Gstart\u001b[4m under\u001b[38;5;200m x\u001b]0;title\u0007 y\u0007\u001b=z';
    expect(parseAnsi(line)).toEqual([{ text: 'start under x yz' }]);
  });

  it('returns plain text unchanged', () => {
    expect(parseAnsi('plain <b>text</b>')).toEqual([{ text: 'plain <b>text</b>' }]);
    expect(parseAnsi('')).toEqual([]);
  });
});
