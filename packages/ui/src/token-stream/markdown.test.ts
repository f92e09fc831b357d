import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInline, plainText, safeHref } from './markdown';

describe('parseBlocks', () => {
  it('splits paragraphs, lists and fenced code', () => {
    const blocks = parseBlocks(
      'Hello *you*\nthere\n\n- one\n- two\n  more\n\n1. first\n\n```ts\nconst a = 1;\n```\nAfter',
    );
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'code', 'paragraph']);
    expect(blocks[0]).toMatchObject({ text: 'Hello *you*\nthere' });
    expect(blocks[1]).toMatchObject({ ordered: false, items: ['one', 'two more'] });
    expect(blocks[2]).toMatchObject({ ordered: true, items: ['first'] });
    expect(blocks[3]).toMatchObject({ lang: 'ts', text: 'const a = 1;', closed: true });
  });

  it('renders an unclosed fence as an open code block', () => {
    const blocks = parseBlocks('Intro\n\n```js\nlet x = 1;\n**not bold**');
    expect(blocks[1]).toMatchObject({
      type: 'code',
      closed: false,
      text: 'let x = 1;\n**not bold**',
    });
  });

  it('holds back a half-typed fence only while streaming', () => {
    expect(parseBlocks('Intro\n``', true).map((b) => b.source)).toEqual(['Intro']);
    expect(parseBlocks('Intro\n``', false).map((b) => b.source)).toEqual(['Intro\n``']);
  });

  it('keeps sources of finished blocks stable as text grows', () => {
    const a = parseBlocks('First para.\n\nSecond', true);
    const b = parseBlocks('First para.\n\nSecond grows', true);
    expect(b[0]?.source).toBe(a[0]?.source);
  });
});

describe('parseInline', () => {
  it('parses strong, emphasis, code and links', () => {
    expect(parseInline('a **b** _c_ `d` [e](https://x.test/)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.test/', children: [{ type: 'text', text: 'e' }] },
    ]);
  });

  it('leaves unclosed markers as text until closed', () => {
    expect(parseInline('say **hel')).toEqual([{ type: 'text', text: 'say **hel' }]);
    expect(parseInline('`open')).toEqual([{ type: 'text', text: '`open' }]);
    expect(parseInline('[label](https://ex')).toEqual([
      { type: 'text', text: '[label](https://ex' },
    ]);
    expect(parseInline('snake_case_name')).toEqual([{ type: 'text', text: 'snake_case_name' }]);
  });

  it('drops unsafe link targets but keeps the label', () => {
    expect(parseInline('[x](javascript:alert(1))')).not.toContainEqual(
      expect.objectContaining({ type: 'link' }),
    );
    expect(parseInline('[x](java\tscript:alert)')).toEqual([
      { type: 'text', text: '[x](java\tscript:alert)' },
    ]);
    expect(parseInline('[click](data:text/html,hi)')).toEqual([{ type: 'text', text: 'click' }]);
    expect(safeHref('mailto:a@b.test')).toBe('mailto:a@b.test');
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
  });

  it('keeps raw HTML as plain text', () => {
    const payload = '<img src=x onerror=alert(1)> and <script>alert(1)</script>';
    expect(parseInline(payload)).toEqual([{ type: 'text', text: payload }]);
  });
});

describe('plainText', () => {
  it('flattens markdown for announcements', () => {
    expect(plainText('Hi **there**\n\n- a\n- `b`')).toBe('Hi there\n\na\nb');
  });
});
