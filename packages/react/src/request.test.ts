import {
  crossTab,
  eventSourceTransport,
  type HeadersOption,
  pageLifecycle,
  requestKey,
} from '@ssekit/core';
import { describe, expect, it } from 'vitest';
import { parseJsonOrText, tokenText } from './parse';
import { pickConnectOptions, resolveRequest } from './request';

describe('requestKey of hook options', () => {
  it('keeps the opt-in feature values equal when made again inline, as in every render', () => {
    const options = () =>
      pickConnectOptions({
        transport: eventSourceTransport,
        crossTab: crossTab('k'),
        page: pageLifecycle({ pauseWhenHidden: true }),
        lastEventIdParam: 'last',
      });
    expect(Object.keys(options()).sort()).toEqual([
      'crossTab',
      'lastEventIdParam',
      'page',
      'transport',
    ]);
    expect(requestKey(options())).toBe(requestKey(options()));
    expect(requestKey({ crossTab: crossTab('k') })).not.toBe(requestKey({ crossTab: crossTab() }));
    expect(requestKey({ page: pageLifecycle() })).not.toBe(
      requestKey({ page: pageLifecycle({ pauseWhenHidden: true }) }),
    );
  });
});

describe('resolveRequest', () => {
  it('resolves against baseUrl and merges header objects, own over defaults', () => {
    const { url, options } = resolveRequest(
      '/feed?x=1',
      { headers: { b: 'own' }, method: 'POST' },
      { baseUrl: 'http://127.0.0.1:9/api/', headers: { a: 'base', b: 'base' } },
    );
    expect(url).toBe('http://127.0.0.1:9/feed?x=1');
    expect(options).toEqual({ method: 'POST', headers: { a: 'base', b: 'own' } });
  });

  it('merges a header function with an object at connect time', async () => {
    const { options } = resolveRequest(
      'http://h/s',
      { headers: { b: '2' } },
      { headers: async () => ({ a: '1', b: '1' }) },
    );
    const headers = options.headers as () => Promise<Record<string, string>>;
    expect(await headers()).toEqual({ a: '1', b: '2' });
  });

  it('gives equal requests merged headers of one request key, so the hub shares them', () => {
    const token = async () => ({ authorization: 'Bearer t' });
    const merge = (own: HeadersOption, base: HeadersOption = token) =>
      requestKey(resolveRequest('http://h/s', { headers: own }, { headers: base }).options.headers);
    expect(merge({ a: '1' })).toBe(merge({ a: '1' }));
    expect(merge({ a: '1' })).not.toBe(merge({ a: '2' }));
    expect(merge(token, { a: '1' })).toBe(merge(token, { a: '1' }));
    expect(merge(token, { a: '1' })).not.toBe(merge(async () => ({}), { a: '1' }));
  });
});

describe('pickConnectOptions', () => {
  it('keeps only core connect options', () => {
    expect(
      pickConnectOptions({ method: 'GET', reduce: () => 0, idleTimeoutMs: 5, batch: false }),
    ).toEqual({ method: 'GET', idleTimeoutMs: 5 });
  });
});

describe('parsers', () => {
  it('parse JSON with a raw-string fallback, and token text', () => {
    expect(parseJsonOrText('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJsonOrText('not json')).toBe('not json');
    expect(tokenText('{"text":"Hi"}')).toBe('Hi');
    expect(tokenText('"there"')).toBe('there');
    expect(tokenText('plain')).toBe('plain');
    expect(tokenText('{"other":1}')).toBe('{"other":1}');
  });
});
