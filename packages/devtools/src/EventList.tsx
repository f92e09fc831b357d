import { useId, useState } from 'react';
import { formatBytes, formatTime, prettyData, utf8Size } from './format';
import { curlCommand, printfCommand } from './repro';
import type { KeptEvent, StreamRecord } from './stream-record';

/** Rows drawn at most (the newest); the search reaches every kept event. */
const MAX_ROWS = 50;

/** Props of {@link EventList}. */
export interface EventListProps {
  record: StreamRecord;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The last events of a stream, newest first, with a name filter, a search and a detail view. */
export function EventList({ record }: EventListProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<KeptEvent | null>(null);
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const kept = record.kept();
  const names = [...new Set(kept.map((k) => k.event.event))].sort();
  const needle = query.trim().toLowerCase();
  const shown = kept
    .filter(
      (k) =>
        (!name || k.event.event === name) &&
        (!needle ||
          k.event.data.toLowerCase().includes(needle) ||
          k.event.id.toLowerCase().includes(needle) ||
          k.event.event.toLowerCase().includes(needle)),
    )
    .reverse();
  // Rows are keyed by position: at a high rate every row shows another event at each refresh,
  // and React then updates the text of the same nodes instead of making new ones.
  const rows = shown.slice(0, MAX_ROWS);

  const doCopy = async (text: string) => setCopied({ text, ok: await copy(text) });

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        Last {kept.length} events{' '}
        <span className="ssekit-dt-muted">
          ({Math.min(shown.length, MAX_ROWS)} shown of {record.events} received)
        </span>
      </h3>
      <div className="ssekit-dt-filters">
        <label htmlFor={`${id}-name`}>Event</label>
        <select id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)}>
          <option value="">all</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          {name && !names.includes(name) && <option value={name}>{name}</option>}
        </select>
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          placeholder="data or id"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <ul className="ssekit-dt-events" aria-label="Events, newest first">
        {rows.map((k, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are slots, see above
          <li key={row}>
            <button
              type="button"
              aria-pressed={open?.seq === k.seq}
              onClick={() => setOpen(open?.seq === k.seq ? null : k)}
            >
              {/* One text node a row (monospace columns): cheap to update at every refresh. */}
              {`${formatTime(k.at)}  ${k.event.event.padEnd(14)} ${(k.event.id ? `id ${k.event.id}` : 'no id').padEnd(16)} ${formatBytes(utf8Size(k.event.data))}`}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <section aria-label={`Event ${open.event.event} ${open.event.id}`}>
          <div className="ssekit-dt-actions">
            <button
              type="button"
              onClick={() => doCopy(curlCommand(record.inspected, open.previousId))}
            >
              Copy as curl
            </button>
            <button type="button" onClick={() => doCopy(printfCommand(open.event))}>
              Copy as printf
            </button>
            <button type="button" onClick={() => setOpen(null)}>
              Close event
            </button>
          </div>
          <pre data-testid="event-data">{prettyData(open.event.data)}</pre>
        </section>
      )}
      <p role="status" className="ssekit-dt-muted">
        {copied &&
          (copied.ok
            ? 'Copied to the clipboard.'
            : 'The clipboard is not available; copy it from here:')}
      </p>
      {copied && !copied.ok && <pre>{copied.text}</pre>}
    </section>
  );
}
