import { useEffect, useRef, useState } from 'react';
import type { StreamRecord } from './stream-record';

/** Props of {@link CloseAction}. */
export interface CloseActionProps {
  record: StreamRecord;
}

/**
 * The Close action. A connection shared by several hooks (a hub's views) is one connection:
 * closing it ends the stream for every hook, so with more than one subscriber the button says
 * so ("Close for all 3") and asks to confirm inline; Cancel (the focused choice) changes nothing.
 * With one subscriber or none it closes at once.
 */
export function CloseAction({ record }: CloseActionProps) {
  const [asking, setAsking] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // Asking puts the focus on Cancel (the safe choice); an answer puts it back on Close.
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) closeRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const { stream, subscribers } = record.inspected;
  const closed = stream.status === 'closed';
  const shared = subscribers > 1;

  if (asking && !closed) {
    const cancel = () => setAsking(false);
    return (
      <fieldset
        className="ssekit-dt-confirm"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape cancels the question, not the whole panel.
          e.stopPropagation();
          cancel();
        }}
      >
        <legend>
          Close this connection for all {subscribers} hooks sharing it? They see it closed and do
          not reconnect by themselves.
        </legend>
        <button type="button" className="ssekit-dt-danger" onClick={() => stream.close()}>
          Close for all {subscribers}
        </button>
        <button ref={cancelRef} type="button" onClick={cancel}>
          Cancel
        </button>
      </fieldset>
    );
  }
  return (
    <button
      ref={closeRef}
      type="button"
      disabled={closed}
      onClick={() => (shared ? setAsking(true) : stream.close())}
    >
      {shared ? `Close for all ${subscribers}…` : 'Close'}
    </button>
  );
}
