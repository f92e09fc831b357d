import { useId, useState } from 'react';
import { SUGGESTED_SYMBOLS, symbolProblem } from './useWatchlist';

export interface WatchlistProps {
  symbols: readonly string[];
  onAdd: (symbol: string) => void;
  onRemove: (symbol: string) => void;
}

/** Edits the watchlist: a form to add a symbol, and a remove button per symbol. */
export function Watchlist({ symbols, onAdd, onRemove }: WatchlistProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <div className="mk-watchlist">
      <form
        className="mk-watchlist-form"
        onSubmit={(e) => {
          e.preventDefault();
          const symbol = draft.trim().toUpperCase();
          const why = symbolProblem(symbol, symbols);
          setProblem(why);
          if (why) return;
          onAdd(symbol);
          setDraft('');
        }}
      >
        <label htmlFor={`${id}-symbol`}>Add a symbol</label>
        <div className="mk-watchlist-row">
          <input
            id={`${id}-symbol`}
            list={`${id}-suggestions`}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            placeholder="e.g. TSLA"
          />
          <button type="submit">Add</button>
        </div>
        <datalist id={`${id}-suggestions`}>
          {SUGGESTED_SYMBOLS.filter((s) => !symbols.includes(s)).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {problem && (
          <p id={`${id}-problem`} className="mk-watchlist-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      <ul className="mk-chips" aria-label="Watchlist">
        {symbols.map((symbol) => (
          <li key={symbol}>
            {symbol}
            <button type="button" aria-label={`Remove ${symbol}`} onClick={() => onRemove(symbol)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
