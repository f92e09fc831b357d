const encoder = new TextEncoder();

/** Size in UTF-8 bytes of an event's data (computed only for shown events). */
export function utf8Size(text: string): number {
  // ASCII-only strings (the usual JSON) need no encoding.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/** `1.2 kB`, `3.4 MB`: decimal units, as the browser's network panel. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The data pretty-printed when it is JSON, else as it came. */
export function prettyData(data: string): string {
  const first = data.trimStart()[0];
  if (first !== '{' && first !== '[') return data;
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

/** `12:03:04.567` local time. */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `in 3 s`, `now` for a due time. */
export function formatDue(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((epochMs - now) / 1000));
  return seconds === 0 ? 'now' : `in ${seconds} s`;
}
