import { describe, expect, it } from 'vitest';
import { parseSwitches, SwitchError } from './switches';

const parse = (qs: string, headers = {}) => parseSwitches(new URLSearchParams(qs), headers);

describe('parseSwitches', () => {
  it('gives defaults for an empty query', () => {
    expect(parse('')).toEqual({
      seed: undefined,
      rate: undefined,
      delay: 0,
      dropAfter: undefined,
      dropMidEvent: undefined,
      stallAfter: undefined,
      status: undefined,
      retryAfter: undefined,
      contentType: undefined,
      malformed: false,
      retry: undefined,
      heartbeatMs: 15_000,
      lastEventId: undefined,
    });
  });

  it('reads every switch', () => {
    const s = parse(
      'seed=abc&rate=2.5&delay=10&dropAfter=5&dropMidEvent=3&stallAfter=0&status=503&retryAfter=2' +
        '&contentType=text/plain&malformed=1&retry=50&heartbeatMs=20&lastEventId=7',
    );
    expect(s).toMatchObject({
      seed: 'abc',
      rate: 2.5,
      delay: 10,
      dropAfter: 5,
      dropMidEvent: 3,
      stallAfter: 0,
      status: 503,
      retryAfter: 2,
      contentType: 'text/plain',
      malformed: true,
      retry: 50,
      heartbeatMs: 20,
      lastEventId: '7',
    });
  });

  it('prefers the Last-Event-ID header over the query', () => {
    expect(parse('lastEventId=3', { 'last-event-id': '9' }).lastEventId).toBe('9');
  });

  it('rejects bad values with a clear error', () => {
    expect(() => parse('dropAfter=x')).toThrow(SwitchError);
    expect(() => parse('dropAfter=0')).toThrow('Invalid dropAfter="0": expected an integer from 1');
    expect(() => parse('status=199')).toThrow(SwitchError);
    expect(() => parse('status=600')).toThrow(SwitchError);
    expect(() => parse('rate=-1')).toThrow(SwitchError);
    expect(() => parse('malformed=yes')).toThrow(SwitchError);
    expect(() => parse('contentType=a%0Ab')).toThrow(SwitchError);
    for (const control of ['%00', '%01', '%1B', '%7F', '%C3%A9']) {
      expect(() => parse(`contentType=text/plain${control}`)).toThrow(SwitchError);
    }
    expect(parse('contentType=text/plain;%09charset=utf-8').contentType).toBe(
      'text/plain;\tcharset=utf-8',
    );
  });
});
