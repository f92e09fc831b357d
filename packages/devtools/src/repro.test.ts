import { execFileSync } from 'node:child_process';
import type { InspectedStream } from '@ssekit/core';
import { describe, expect, it } from 'vitest';
import { curlCommand, printfCommand, shellQuote, wireFormat } from './repro';

const stream = (over: Partial<InspectedStream>) =>
  ({
    url: 'http://127.0.0.1:9/sse',
    method: 'GET',
    headers: null,
    body: null,
    ...over,
  }) as InspectedStream;

/** Runs a command line in a real shell and returns what it printed. */
const sh = (command: string) => execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' });

describe('reproductions', () => {
  it('quotes for a POSIX shell, quotes inside included', () => {
    expect(sh(`printf '%s' ${shellQuote("it's $HOME `x` \\n")}`)).toBe("it's $HOME `x` \\n");
  });

  it('writes the event back in the wire format, one data line per line', () => {
    expect(wireFormat({ event: 'quote', id: '7', data: 'a\nb' })).toBe(
      'event: quote\nid: 7\ndata: a\ndata: b\n\n',
    );
    expect(wireFormat({ event: 'message', id: '', data: '' })).toBe('data: \n\n');
  });

  it('printf reproduces the exact bytes, % and backslashes included', () => {
    const event = { event: 'x', id: '1', data: '{"p":"100%","s":"a\\\\nb\'c"}' };
    expect(sh(printfCommand(event))).toBe(wireFormat(event));
  });

  it('curl resumes before the event, with method, body and headers, secrets redacted', () => {
    const command = curlCommand(
      stream({
        method: 'POST',
        url: 'http://127.0.0.1:9/chat?q=1',
        headers: { Authorization: 'Bearer secret', 'x-team': "o'k" },
        body: '{"prompt":"hi"}',
      }),
      '41',
    );
    expect(command).toBe(
      "curl -N -X POST -H 'Accept: text/event-stream' -H 'Authorization: <redacted>' " +
        "-H 'x-team: o'\\''k' -H 'Last-Event-ID: 41' --data-raw '{\"prompt\":\"hi\"}' " +
        "'http://127.0.0.1:9/chat?q=1'",
    );
    expect(command).not.toContain('secret');
    expect(curlCommand(stream({}), '')).toBe(
      "curl -N -H 'Accept: text/event-stream' 'http://127.0.0.1:9/sse'",
    );
  });
});
