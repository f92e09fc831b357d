import { describe, expect, it } from 'vitest';
import { LineBuffer } from './line-buffer';

describe('LineBuffer', () => {
  it('gives back every piece in order, however many', () => {
    const buffer = new LineBuffer();
    const pieces = Array.from({ length: 5000 }, (_, i) => String(i % 10));
    for (const piece of pieces) buffer.push(piece);
    expect(buffer.units).toBe(5000);
    expect(buffer.take('!')).toBe(`${pieces.join('')}!`);
    expect(buffer.units).toBe(0);
    expect(buffer.take()).toBe('');
    buffer.push('one');
    expect(buffer.take('two')).toBe('onetwo');
  });

  it('measures UTF-8 bytes exactly while pieces keep coming', () => {
    const buffer = new LineBuffer();
    const encoder = new TextEncoder();
    const pieces = ['a', 'é', '€', '😀', 'bc'];
    let text = '';
    for (let i = 0; i < 3000; i++) {
      const piece = pieces[i % pieces.length]!;
      buffer.push(piece);
      text += piece;
      if (i % 97 === 0) expect(buffer.bytes()).toBe(encoder.encode(text).length);
    }
    expect(buffer.bytes()).toBe(encoder.encode(text).length);
    buffer.clear();
    expect(buffer.bytes()).toBe(0);
  });
});

describe('LineBuffer with large pieces', () => {
  it('measures them exactly and gives them back whole', () => {
    const buffer = new LineBuffer();
    const piece = 'é'.repeat(2000);
    for (let i = 0; i < 600; i++) buffer.push(piece);
    expect(buffer.bytes()).toBe(600 * 4000);
    for (let i = 0; i < 2000; i++) buffer.push('a');
    expect(buffer.bytes()).toBe(600 * 4000 + 2000);
    expect(buffer.take()).toBe(piece.repeat(600) + 'a'.repeat(2000));
  });
});
