import type { ReactNode } from 'react';

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Content for assistive technology only; kept inline so it works without the stylesheet. */
export function VisuallyHidden({
  children,
  ...rest
}: { children?: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <span style={hidden} {...rest}>
      {children}
    </span>
  );
}

/** An always-mounted polite live region: changing `message` announces it once. */
export function LiveAnnouncer({ message, part }: { message: string; part: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={hidden} data-ssekit={part}>
      {message}
    </div>
  );
}
