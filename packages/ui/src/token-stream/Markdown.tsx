import { memo, type ReactNode } from 'react';
import { partClass } from '../shared/classes';
import { type Block, type Inline, parseBlocks, parseInline } from './markdown';

export interface MarkdownProps {
  /** Markdown source (a safe subset: paragraphs, emphasis, code, lists, http(s)/mailto links). */
  text: string;
  /** The text is still growing: holds back half-typed fences and shows `caret` at the end. */
  streaming?: boolean;
  /** Rendered after the last block's content while streaming. */
  caret?: ReactNode;
  unstyled?: boolean;
}

/**
 * Renders the markdown subset as React elements only (never HTML strings): raw
 * HTML in the text stays visible, inert text. Blocks whose source did not change
 * are memoised, so a new token re-renders only the last block.
 */
export function Markdown({ text, streaming = false, caret, unstyled }: MarkdownProps) {
  const blocks = parseBlocks(text, streaming);
  return (
    <>
      {blocks.map((block, i) => {
        const last = i === blocks.length - 1;
        return (
          <BlockView
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks only ever grow at the end
            key={i}
            block={block}
            caret={last && streaming ? caret : undefined}
            unstyled={unstyled}
          />
        );
      })}
      {blocks.length === 0 && streaming ? caret : null}
    </>
  );
}

interface BlockProps {
  block: Block;
  caret: ReactNode;
  unstyled: boolean | undefined;
}

const BlockView = memo(
  function BlockView({ block, caret, unstyled }: BlockProps) {
    switch (block.type) {
      case 'code':
        return (
          <pre
            className={partClass('md-pre', unstyled)}
            data-ssekit="md-code-block"
            data-state={block.closed ? 'closed' : 'open'}
          >
            <code data-lang={block.lang || undefined}>{block.text}</code>
            {caret}
          </pre>
        );
      case 'list': {
        const items = block.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items only ever grow at the end
          <li key={i}>
            {renderInline(parseInline(item))}
            {i === block.items.length - 1 ? caret : null}
          </li>
        ));
        return block.ordered ? (
          <ol className={partClass('md-list', unstyled)} data-ssekit="md-list">
            {items}
          </ol>
        ) : (
          <ul className={partClass('md-list', unstyled)} data-ssekit="md-list">
            {items}
          </ul>
        );
      }
      default:
        return (
          <p className={partClass('md-p', unstyled)} data-ssekit="md-paragraph">
            {renderInline(parseInline(block.text))}
            {caret}
          </p>
        );
    }
  },
  (a, b) =>
    a.block.source === b.block.source &&
    a.block.type === b.block.type &&
    a.caret === b.caret &&
    a.unstyled === b.unstyled,
);

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        // biome-ignore lint/suspicious/noArrayIndexKey: static once parsed
        return <code key={i}>{node.text}</code>;
      case 'strong':
        // biome-ignore lint/suspicious/noArrayIndexKey: static once parsed
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        // biome-ignore lint/suspicious/noArrayIndexKey: static once parsed
        return <em key={i}>{renderInline(node.children)}</em>;
      default:
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: static once parsed
          <a key={i} href={node.href} rel="noopener noreferrer nofollow" target="_blank">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}
