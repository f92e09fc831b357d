/**
 * Epochs: every ID a history assigns is `<epoch>-<n>`, where the epoch names that one history
 * (a process's channel, or a Redis stream). After a restart the epoch is new, so a client resuming
 * with an ID of the old history is never mistaken for one of the new: it gets a `reset`.
 * Clients treat IDs as opaque strings; only the server reads them.
 */

/** A new random epoch: 8 base-36 characters (about 41 bits), never containing `-`. */
export function newEpoch(): string {
  const [a = 0, b = 0] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (a.toString(36) + b.toString(36)).padStart(8, '0').slice(-8);
}

/** The ID of message `seq` of history `epoch` (plain `seq` when the epoch is empty). */
export function epochId(epoch: string, seq: number): string {
  return epoch === '' ? String(seq) : `${epoch}-${seq}`;
}

/** The sequence number of an ID of history `epoch`, or undefined when it belongs to another. */
export function seqOf(epoch: string, id: string): number | undefined {
  const prefix = epoch === '' ? '' : `${epoch}-`;
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  if (!/^\d{1,15}$/.test(digits)) return undefined;
  return Number(digits);
}
