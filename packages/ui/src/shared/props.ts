import type { ComponentPropsWithoutRef } from 'react';

/**
 * A component's own props plus the HTML attributes of its root element (`id`, `style`, `aria-*`,
 * `data-*`, event handlers, `dir`, `lang`, ...), as Radix primitives take them. Own props win
 * where the names clash.
 */
export type RootProps<Own, Root extends 'div' | 'section' | 'article'> = Own &
  Omit<ComponentPropsWithoutRef<Root>, keyof Own>;

/** Calls the user's handler, then the component's own (both always run). */
export function compose<E>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    ours(event);
  };
}
