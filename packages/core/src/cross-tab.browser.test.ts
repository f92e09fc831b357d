import { until } from '@ssekit/testing/until';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { crossTab } from './cross-tab';
import { counterStats } from './test/stream';
import type { TabRecord } from './test/tab';

// Each "tab" is an iframe: a separate document with its own BroadcastChannel and its own
// Web Locks holder, as a real tab has. Removing the iframe destroys the document without any
// cleanup code running, which is how a user closes a tab.

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function openTab(
  url: string,
  views = 0,
): Promise<{ frame: HTMLIFrameElement; tab: TabRecord }> {
  const frame = document.createElement('iframe');
  frame.src = `/packages/core/src/test/tab.html?url=${encodeURIComponent(url)}&views=${views}`;
  frames.push(frame);
  document.body.append(frame);
  const tab = await until(() => (frame.contentWindow as { tab?: TabRecord } | null)?.tab);
  return { frame, tab };
}

/** The ids a tab saw are consecutive, without a gap or a repeat, and end at `last`. */
function expectContiguous(ids: string[], last: number) {
  const numbers = ids.map(Number);
  const first = numbers[0] ?? 0;
  expect(numbers).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
}

describe('crossTab (real Chromium: BroadcastChannel + Web Locks)', () => {
  it('three tabs share one connection; closing the leader tab hands over with resume', async () => {
    const key = `tabs-${Math.random().toString(36).slice(2)}`;
    const url = `/__sse/counter?key=${key}&total=60&interval=25`;
    const a = await openTab(url);
    await until(() => a.tab.ids.length > 0);
    const b = await openTab(url);
    const c = await openTab(url);
    await until(() => b.tab.ids.length >= 5 && c.tab.ids.length >= 5);

    expect((await counterStats(key)).methods).toHaveLength(1);
    expect(b.tab.statuses).toContain('open');

    // Close the leader's tab the way a user does: the document goes away.
    const seenBeforeHandover = Number(b.tab.ids.at(-1));
    a.frame.remove();
    await until(() => b.tab.ids.at(-1) === '60' && c.tab.ids.at(-1) === '60');

    const after = await counterStats(key);
    expect(after.methods).toHaveLength(2);
    expect(Number(after.lastEventIds[1])).toBeGreaterThanOrEqual(seenBeforeHandover);
    expectContiguous(b.tab.ids, 60);
    expectContiguous(c.tab.ids, 60);
  });

  it('a follower that closes leaves the leader connected; the last tab closing ends it', async () => {
    const key = `tabs-${Math.random().toString(36).slice(2)}`;
    const url = `/__sse/counter?key=${key}&total=1000&interval=20`;
    const a = await openTab(url);
    const b = await openTab(url);
    await until(() => b.tab.ids.length >= 3);
    b.tab.close();
    const countAtClose = b.tab.ids.length;
    await until(() => a.tab.ids.length >= countAtClose + 5);
    expect(b.tab.ids).toHaveLength(countAtClose);
    expect(b.tab.statuses.at(-1)).toBe('closed');
    a.tab.close();
    await fetch(`/__sse/stats?key=${key}&open=0`);
    const final = await counterStats(key);
    expect(final.open).toBe(0);
    expect(final.methods).toHaveLength(1);
  });

  it('hub views with crossTab: three components in each of two tabs make one request', async () => {
    const key = `tabs-${Math.random().toString(36).slice(2)}`;
    const url = `/__sse/counter?key=${key}&total=1000&interval=20`;
    const a = await openTab(url, 3);
    const b = await openTab(url, 3);
    await until(() => a.tab.ids.length >= 3 && b.tab.ids.length >= 3);
    expect((await counterStats(key)).methods).toHaveLength(1);
    a.tab.close();
    b.tab.close();
  });

  it('works in the same document too, and reports a fatal error in every tab', async () => {
    const first = connect('/__sse/status?code=404', { crossTab: crossTab() });
    const second = connect('/__sse/status?code=404', { crossTab: crossTab() });
    await until(() => first.status === 'closed' && second.status === 'closed');
    expect(first.error).toMatchObject({ name: 'HttpError', status: 404 });
    expect(second.error).toMatchObject({ code: 'http', status: 404 });
  });
});
