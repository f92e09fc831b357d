import { useId } from 'react';
import { CloseAction } from './CloseAction';
import { EventList } from './EventList';
import { formatBytes, formatDue, formatTime } from './format';
import { Sparkline } from './Sparkline';
import type { StatusChange, StreamRecord } from './stream-record';

/** Props of {@link StreamDetails}. */
export interface StreamDetailsProps {
  record: StreamRecord;
}

/** `reconnecting`, `open`, ... as shown (a closed stream with an error shows `error`). */
export function shownStatus(record: StreamRecord): string {
  const { stream } = record.inspected;
  return stream.status === 'closed' && stream.error ? 'error' : stream.status;
}

function describe(change: StatusChange): string {
  let text = change.status;
  if (change.status === 'reconnecting' && change.attempt !== undefined) {
    text += ` (attempt ${change.attempt}`;
    const wait = change.nextRetryAt ? Math.max(0, change.nextRetryAt - change.at) : null;
    text += wait === null ? ')' : `, retry after ${wait} ms)`;
  }
  if (change.error) text += `: ${change.error.message}`;
  return text;
}

/** Bytes received: exact (fetch), estimated (EventSource sees parsed events only) or none. */
function received(record: StreamRecord, byteRate: number): string {
  const { transport } = record.inspected;
  if (transport !== 'fetch' && record.bytesTotal === 0) return 'not reported';
  const text = `${formatBytes(record.bytesTotal)} (${formatBytes(byteRate)}/s)`;
  return transport === 'eventsource' ? `about ${text}, estimated` : text;
}

/** Everything about one stream: facts, rates, actions, history, resets and gaps, events. */
export function StreamDetails({ record }: StreamDetailsProps) {
  const id = useId();
  const s = record.inspected;
  const { stream } = s;
  const now = Date.now();
  const closed = stream.status === 'closed';
  const rate = record.rates.at(-1) ?? 0;
  const byteRate = record.byteRates.at(-1) ?? 0;
  const role = s.role ? `cross-tab ${s.role}` : s.parent !== null ? `leader of #${s.parent}` : null;
  const status = shownStatus(record);
  let statusText: string = status;
  if (stream.status === 'reconnecting') {
    statusText += ` (attempt ${s.attempt}`;
    statusText += stream.nextRetryAt ? `, retry ${formatDue(stream.nextRetryAt, now)})` : ')';
  }
  if (stream.error) statusText += `: ${stream.error.message}`;

  const facts: [string, string][] = [
    ['Status', statusText],
    ['Transport', role ? `${s.transport}, ${role}` : s.transport],
    ['Last-Event-ID', stream.lastEventId || '(none)'],
    ['Subscribers', String(s.subscribers)],
    ['Events', `${record.events} (${rate}/s)`],
    ['Received', received(record, byteRate)],
    ['Resets / gaps', `${record.resets} / ${record.gaps}`],
  ];
  if (record.paused) facts.push(['Held (paused)', String(record.held.length)]);

  return (
    <section className="ssekit-dt-details" aria-labelledby={`${id}-h`} data-stream-id={s.id}>
      <h2 id={`${id}-h`}>
        <span className="ssekit-dt-url">
          {s.method} {s.url}
        </span>
      </h2>
      <dl className="ssekit-dt-stats">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd data-fact={term}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="ssekit-dt-actions">
        <Sparkline values={record.rates} unit="Events per second" />
        <button type="button" disabled={closed} onClick={() => stream.reconnect()}>
          Reconnect
        </button>
        <button type="button" disabled={closed} onClick={() => s.drop()}>
          Simulate drop
        </button>
        <button
          type="button"
          disabled={closed}
          aria-pressed={record.paused}
          onClick={() => record.setPaused(!record.paused)}
        >
          Pause delivery
        </button>
        <CloseAction record={record} />
      </div>
      <section aria-labelledby={`${id}-hist`}>
        <h3 id={`${id}-hist`}>Status history</h3>
        <ol className="ssekit-dt-history">
          {[...record.history].reverse().map((change) => (
            <li key={change.seq} className={change.error ? 'ssekit-dt-bad' : undefined}>
              {formatTime(change.at)} {describe(change)}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={`${id}-anom`}>
        <h3 id={`${id}-anom`}>Resets and gaps</h3>
        {record.anomalies.length === 0 ? (
          <p className="ssekit-dt-muted">None detected.</p>
        ) : (
          <ol className="ssekit-dt-anomalies">
            {[...record.anomalies].reverse().map((a) => (
              <li key={a.seq}>
                {formatTime(a.at)} {a.kind}: id {a.from || '(none)'} then {a.to || '(none)'}
              </li>
            ))}
          </ol>
        )}
      </section>
      <EventList record={record} />
    </section>
  );
}
