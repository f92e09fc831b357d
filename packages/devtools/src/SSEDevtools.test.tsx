import { connect, createHub } from '@ssekit/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevtoolsStore } from './devtools-store';
import { SSEDevtools } from './SSEDevtools';
import { SSEDevtoolsPanel } from './SSEDevtoolsPanel';
import { frame, later, pushServer } from './test/server';

afterEach(cleanup);

function liveStream(url: string) {
  const stream = connect(url, { retry: { initialMs: 10, maxMs: 20 } });
  later(() => stream.close());
  return stream;
}

const events = [
  frame('{"symbol":"AAPL","price":1}', 'quote', '1'),
  frame('{"title":"Hello"}', 'news', '2'),
  frame('{"symbol":"MSFT","price":2}', 'quote', '3'),
].join('');

describe('<SSEDevtools />', () => {
  it('opens from its button, shows the streams, and Escape closes it back to the button', async () => {
    const server = await pushServer(events);
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtools store={store} />);
    liveStream(`${server.url}/prices`);
    const toggle = await screen.findByRole('button', { name: /SSE streams \(1\)/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const panel = await screen.findByRole('region', { name: 'SSE streams' });
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toContain(
      `GET ${server.url}/prices`,
    );
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'SSE streams' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /SSE streams/ }));
  });
});

describe('<SSEDevtoolsPanel />', () => {
  it('lists events, filters by name, searches, and shows pretty data with reproductions', async () => {
    const server = await pushServer(events);
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtoolsPanel store={store} theme="dark" />);
    liveStream(server.url);
    const list = await screen.findByRole('list', { name: 'Events, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(3));
    expect(within(list).getAllByRole('button')[0]?.textContent).toContain('id 3');

    fireEvent.change(screen.getByLabelText('Event'), { target: { value: 'news' } });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([expect.stringContaining('news')]);
    fireEvent.change(screen.getByLabelText('Event'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'msft' } });
    const [row] = within(list).getAllByRole('button');
    expect(within(list).getAllByRole('button')).toHaveLength(1);

    fireEvent.click(row!);
    expect(row?.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('event-data').textContent).toBe(
      '{\n  "symbol": "MSFT",\n  "price": 2\n}',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy as curl' }));
    // jsdom has no clipboard: the panel shows the command to copy by hand instead.
    await screen.findByText(/copy it from here/);
    expect(screen.getByText(/^curl -N/).textContent).toBe(
      `curl -N -H 'Accept: text/event-stream' -H 'Last-Event-ID: 2' '${server.url}/'`,
    );
  });

  it('pauses delivery, simulates a drop and shows the reconnect in the history', async () => {
    const server = await pushServer(frame('a', undefined, '1'));
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtoolsPanel store={store} />);
    const stream = liveStream(server.url);
    const seen: string[] = [];
    stream.on('*', (e) => seen.push(e.data));
    const pause = await screen.findByRole('button', { name: 'Pause delivery' });
    await waitFor(() => expect(seen).toEqual(['a']));
    fireEvent.click(pause);
    await waitFor(() => expect(pause.getAttribute('aria-pressed')).toBe('true'));
    server.push(frame('b', undefined, '2'));
    await screen.findByText('Held (paused)');
    expect(seen).toEqual(['a']);
    fireEvent.click(pause);
    expect(seen).toEqual(['a', 'b']);

    fireEvent.click(screen.getByRole('button', { name: 'Simulate drop' }));
    const history = screen.getByRole('heading', { name: 'Status history' }).nextElementSibling!;
    await waitFor(() => expect(history.textContent).toMatch(/reconnecting \(attempt 1/));
    await waitFor(() => expect(history.firstElementChild?.textContent).toMatch(/open$/));
    expect(server.requests.at(-1)?.headers['last-event-id']).toBe('2');
  });

  it('Close on a connection shared by hooks names the count and asks first; Cancel keeps it', async () => {
    const server = await pushServer(frame('a', undefined, '1'));
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtools store={store} initialIsOpen />);
    const hub = createHub({ graceMs: 10 });
    later(() => hub.close());
    const views = [hub.connect(server.url), hub.connect(server.url), hub.connect(server.url)];
    const close = await screen.findByRole('button', { name: 'Close for all 3…' });
    await waitFor(() => expect(server.open()).toBe(1));

    fireEvent.click(close);
    const question = screen.getByRole('group', { name: /for all 3 hooks sharing it\?/ });
    const cancel = within(question).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    // Escape answers the question only: the panel stays open, the stream too.
    fireEvent.keyDown(cancel, { key: 'Escape' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close for all 3…' })),
    );
    expect(screen.getByRole('region', { name: 'SSE streams' })).toBeTruthy();
    expect(views.map((v) => v.status)).toEqual(['open', 'open', 'open']);

    fireEvent.click(screen.getByRole('button', { name: 'Close for all 3…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close for all 3' }));
    expect(views.map((v) => v.status)).toEqual(['closed', 'closed', 'closed']);
    await waitFor(() => expect(server.open()).toBe(0));
  });

  it('Close on a stream of one subscriber closes it at once', async () => {
    const server = await pushServer(frame('a', undefined, '1'));
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtoolsPanel store={store} />);
    const stream = liveStream(server.url);
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }));
    expect(stream.status).toBe('closed');
    await waitFor(() => expect(server.open()).toBe(0));
  });

  it('moves between streams with the arrow keys', async () => {
    const server = await pushServer();
    const store = createDevtoolsStore({ refreshMs: 10 });
    render(<SSEDevtoolsPanel store={store} />);
    liveStream(`${server.url}/one`);
    liveStream(`${server.url}/two`);
    const nav = await screen.findByRole('navigation', { name: 'Streams' });
    await waitFor(() => expect(within(nav).getAllByRole('button')).toHaveLength(2));
    const [first, second] = within(nav).getAllByRole('button');
    expect(first?.getAttribute('aria-current')).toBe('true');
    act(() => first?.focus());
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    expect(second?.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('/two');
  });
});
