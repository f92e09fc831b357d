/**
 * `url` with the query parameter `name` set to `value` (other parameters and the hash kept as
 * written); `url` itself when `value` is empty.
 */
export function withQueryParam(url: string, name: string, value: string): string {
  if (!value) return url;
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const [path = '', query = ''] = (hashAt < 0 ? url : url.slice(0, hashAt)).split(/\?(.*)/s);
  const key = encodeURIComponent(name);
  const kept = query.split('&').filter((pair) => pair && pair.split('=')[0] !== key);
  kept.push(`${key}=${encodeURIComponent(value)}`);
  return `${path}?${kept.join('&')}${hash}`;
}

/** `value` as an Error (a thrown non-Error wrapped). */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
