/** Props every ssekit component accepts for styling. */
export interface StyleProps {
  /** Extra class names on the root element. */
  className?: string;
  /** Drop the built-in `ssekit-*` classes (the `data-ssekit` hooks stay) to style from scratch. */
  unstyled?: boolean;
}

/** The class list of one part: `ssekit-<part>` unless unstyled, plus any extra class. */
export function partClass(part: string, unstyled?: boolean, extra?: string): string | undefined {
  const list: string[] = [];
  if (!unstyled) list.push(`ssekit-${part}`);
  if (extra) list.push(extra);
  return list.length > 0 ? list.join(' ') : undefined;
}
