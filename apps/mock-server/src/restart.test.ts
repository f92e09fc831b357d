import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { connect, type EventStream, HttpError, type SSEEvent } from '@ssekit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, epochOf, FAST_RETRY, ids, range, timeless, waitFor } from './test/helpers';

// The standalone mock server as a real process, killed with SIGKILL and started again on the
// same port: what each stream's ids say about the history after the restart.

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const children: ChildProcess[] = [];
const streams: EventStream[] = [];
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts the CLI on `port` (0: a free one) and resolves with its URL once it listens. */
async function startMock(port = 0): Promise<{ url: string; port: number; kill(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', cli, '--port', String(port)],
    { env: { ...process.env, PORT: '' } },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /server on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mock server exited (${code}): ${out}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async kill() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A stream recording its events (resets included) and the error it closed with. */
function record(url: string) {
  const stream = connect(url, { retry: FAST_RETRY });
  streams.push(stream);
  const events: SSEEvent[] = [];
  stream.on('*', (e) => events.push(e));
  return { stream, events, data: () => events.filter((e) => e.event !== 'reset') };
}

describe('the mock server killed with SIGKILL and restarted', () => {
  it('resumes seeded streams across the restart and resets those whose history died with it', {
    timeout: 30_000,
  }, async () => {
    const first = await startMock();
    const ticker = record(`${first.url}/sse/ticker?rate=200`);
    const demo = record(`${first.url}/sse/jobs/demo?durationMs=4000`);
    const notes = record(`${first.url}/sse/notifications?rate=100`);
    const job = (await (
      await fetch(`${first.url}/sse/jobs`, { method: 'POST', body: '{"durationMs":20000}' })
    ).json()) as { url: string };
    const jobStream = record(`${first.url}${job.url}`);
    await waitFor(
      () =>
        ticker.events.length >= 20 &&
        demo.events.length >= 2 &&
        notes.events.length >= 5 &&
        jobStream.events.length >= 1,
      10_000,
    );
    await first.kill();
    await waitFor(() => ticker.stream.status === 'reconnecting', 5_000);
    const before = ticker.events.length;
    const notesBefore = notes.events.length;
    const second = await startMock(first.port);
    await waitFor(
      () =>
        ticker.events.length >= before + 20 &&
        demo.events.length >= 5 &&
        notes.events.length >= notesBefore + 5 &&
        jobStream.stream.status === 'closed',
      15_000,
    );

    // The ticker is regenerated from its seed: the same history, resumed with no reset, its ids
    // consecutive in one epoch, and the quotes those of a fresh client of the new process.
    const quotes = ticker.events.slice();
    expect(quotes.every((e) => e.event === 'quote')).toBe(true);
    expect(new Set(quotes.map((e) => epochOf(e.id))).size).toBe(1);
    expect(ids(quotes)).toEqual(range(1, quotes.length));
    const fresh = await collect(`${second.url}/sse/ticker?rate=5000`, quotes.length);
    expect(fresh.events.map((e) => e.id)).toEqual(quotes.map((e) => e.id));
    expect(timeless(fresh.events)).toEqual(timeless(quotes));
    // So is the demo job: its timeline goes on.
    expect(demo.events.some((e) => e.event === 'reset')).toBe(false);
    expect(ids(demo.events)).toEqual(range(1, demo.events.length));

    // Published notifications lived in the killed process: a reset, then a new epoch.
    const resets = notes.events.filter((e) => e.event === 'reset');
    expect(resets).toHaveLength(1);
    const at = notes.events.indexOf(resets[0]!);
    expect(at).toBe(notesBefore);
    const epochs = (list: SSEEvent[]) => new Set(list.map((e) => epochOf(e.id)));
    expect(epochs(notes.events.slice(0, at)).size).toBe(1);
    expect(epochs(notes.events.slice(at + 1)).size).toBe(1);
    expect(epochOf(notes.events[at + 1]!.id)).not.toBe(epochOf(notes.events[0]!.id));
    expect(ids(notes.events.slice(at + 1))[0]).toBe('1.0');

    // A job started with POST died too: resuming it is a 404, never another job's events.
    expect(jobStream.stream.error).toBeInstanceOf(HttpError);
    expect((jobStream.stream.error as HttpError).status).toBe(404);
  });
});
