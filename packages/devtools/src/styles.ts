/**
 * The panel's styles, scoped under `.ssekit-dt`. Every colour is a `--ssekit-dt-*` custom
 * property: override them on the panel (or an ancestor) to theme it. `data-theme="light" |
 * "dark"` picks a theme; without it the panel follows `prefers-color-scheme`.
 */
export const devtoolsCss = `
.ssekit-dt {
  --ssekit-dt-bg: #ffffff;
  --ssekit-dt-surface: #f3f4f6;
  --ssekit-dt-fg: #1b1f24;
  --ssekit-dt-muted: #4f5761;
  --ssekit-dt-border: #c4c9d1;
  --ssekit-dt-accent: #0b57d0;
  --ssekit-dt-ok: #0a6b2d;
  --ssekit-dt-warn: #845000;
  --ssekit-dt-bad: #b3261e;
  --ssekit-dt-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --ssekit-dt-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  color-scheme: light;
  background: var(--ssekit-dt-bg);
  color: var(--ssekit-dt-fg);
  font: 13px/1.4 var(--ssekit-dt-font);
  box-sizing: border-box;
}
.ssekit-dt *, .ssekit-dt *::before, .ssekit-dt *::after { box-sizing: inherit; }
.ssekit-dt[data-theme="dark"] {
  --ssekit-dt-bg: #15181c;
  --ssekit-dt-surface: #22272e;
  --ssekit-dt-fg: #e6e8eb;
  --ssekit-dt-muted: #aab2bc;
  --ssekit-dt-border: #444c56;
  --ssekit-dt-accent: #8ab4f8;
  --ssekit-dt-ok: #6fdc8c;
  --ssekit-dt-warn: #f2c14e;
  --ssekit-dt-bad: #ff9a90;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .ssekit-dt:not([data-theme="light"]) {
    --ssekit-dt-bg: #15181c;
    --ssekit-dt-surface: #22272e;
    --ssekit-dt-fg: #e6e8eb;
    --ssekit-dt-muted: #aab2bc;
    --ssekit-dt-border: #444c56;
    --ssekit-dt-accent: #8ab4f8;
    --ssekit-dt-ok: #6fdc8c;
    --ssekit-dt-warn: #f2c14e;
    --ssekit-dt-bad: #ff9a90;
    color-scheme: dark;
  }
}
.ssekit-dt button, .ssekit-dt input, .ssekit-dt select {
  font: inherit; color: inherit; background: var(--ssekit-dt-surface);
  border: 1px solid var(--ssekit-dt-border); border-radius: 4px; padding: 2px 8px;
}
.ssekit-dt button:not(:disabled) { cursor: pointer; }
.ssekit-dt button:disabled { opacity: 0.6; }
.ssekit-dt :focus-visible { outline: 2px solid var(--ssekit-dt-accent); outline-offset: 1px; }
.ssekit-dt h2, .ssekit-dt h3 { margin: 0; font-size: 13px; }
.ssekit-dt ul, .ssekit-dt ol { list-style: none; margin: 0; padding: 0; }
.ssekit-dt-panel { display: grid; grid-template-columns: minmax(180px, 28%) 1fr; height: 100%; min-height: 0; }
.ssekit-dt-list { border-right: 1px solid var(--ssekit-dt-border); overflow: auto; min-height: 0; }
.ssekit-dt-list button {
  display: grid; grid-template-columns: auto 1fr; gap: 0 6px; width: 100%; text-align: left;
  border: 0; border-bottom: 1px solid var(--ssekit-dt-border); border-radius: 0; background: transparent; padding: 6px 8px;
}
.ssekit-dt-list button[aria-current="true"] { background: var(--ssekit-dt-surface); box-shadow: inset 3px 0 var(--ssekit-dt-accent); }
.ssekit-dt-url { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: var(--ssekit-dt-mono); }
.ssekit-dt-sub { grid-column: 2; color: var(--ssekit-dt-muted); font-size: 12px; }
.ssekit-dt-dot { width: 8px; height: 8px; border-radius: 50%; margin-top: 5px; background: var(--ssekit-dt-muted); }
.ssekit-dt-dot[data-status="open"] { background: var(--ssekit-dt-ok); }
.ssekit-dt-dot[data-status="connecting"], .ssekit-dt-dot[data-status="reconnecting"] { background: var(--ssekit-dt-warn); }
.ssekit-dt-dot[data-status="error"] { background: var(--ssekit-dt-bad); }
.ssekit-dt-details { overflow: auto; padding: 8px 12px; min-height: 0; display: flex; flex-direction: column; gap: 10px; }
.ssekit-dt-stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 4px 12px; margin: 0; }
.ssekit-dt-stats div { display: flex; flex-direction: column; }
.ssekit-dt-stats dt { color: var(--ssekit-dt-muted); font-size: 12px; }
.ssekit-dt-stats dd { margin: 0; font-family: var(--ssekit-dt-mono); overflow-wrap: anywhere; }
.ssekit-dt-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.ssekit-dt-confirm {
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0; padding: 4px 8px;
  border: 1px solid var(--ssekit-dt-bad); border-radius: 4px;
}
.ssekit-dt-confirm legend { float: left; padding: 0; }
.ssekit-dt .ssekit-dt-danger { color: var(--ssekit-dt-bad); border-color: var(--ssekit-dt-bad); }
.ssekit-dt-spark { color: var(--ssekit-dt-accent); display: block; }
.ssekit-dt-history li, .ssekit-dt-anomalies li { font-family: var(--ssekit-dt-mono); font-size: 12px; }
.ssekit-dt-history, .ssekit-dt-anomalies { max-height: 8em; overflow: auto; }
.ssekit-dt-bad { color: var(--ssekit-dt-bad); }
.ssekit-dt-filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.ssekit-dt-events { max-height: 14em; overflow: auto; border: 1px solid var(--ssekit-dt-border); border-radius: 4px; }
.ssekit-dt-events button {
  display: block; width: 100%; text-align: left; white-space: pre; overflow: hidden; text-overflow: ellipsis;
  border: 0; border-bottom: 1px solid var(--ssekit-dt-border); border-radius: 0; background: transparent;
  font-family: var(--ssekit-dt-mono); font-size: 12px;
}
.ssekit-dt-events button[aria-pressed="true"] { background: var(--ssekit-dt-surface); }
.ssekit-dt pre {
  margin: 0; padding: 8px; max-height: 16em; overflow: auto; background: var(--ssekit-dt-surface);
  border-radius: 4px; font: 12px/1.4 var(--ssekit-dt-mono); white-space: pre-wrap; overflow-wrap: anywhere;
}
.ssekit-dt-muted { color: var(--ssekit-dt-muted); }
.ssekit-dt-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.ssekit-dt-toggle {
  position: fixed; z-index: 99999; bottom: 12px; border-radius: 16px; padding: 4px 12px;
  display: inline-flex; gap: 6px; align-items: center; box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
}
.ssekit-dt-toggle .ssekit-dt-dot { margin-top: 0; }
.ssekit-dt-dock {
  position: fixed; z-index: 99998; left: 0; right: 0; bottom: 0; height: min(45vh, 480px);
  border-top: 1px solid var(--ssekit-dt-border); display: flex; flex-direction: column;
  box-shadow: 0 -2px 8px rgb(0 0 0 / 0.2);
}
.ssekit-dt-dock-bar { display: flex; justify-content: space-between; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--ssekit-dt-border); }
.ssekit-dt-dock > .ssekit-dt-panel { flex: 1; min-height: 0; }
`;
