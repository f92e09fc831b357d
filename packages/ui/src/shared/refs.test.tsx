import { cleanup, fireEvent, render } from '@testing-library/react';
import { createRef, type ReactElement, type Ref } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from '../connection-status/ConnectionStatus';
import { ConnectionStatusView } from '../connection-status/ConnectionStatusView';
import { LogStream } from '../log-stream/LogStream';
import { LogStreamView } from '../log-stream/LogStreamView';
import { NotificationFeed } from '../notifications/NotificationFeed';
import { NotificationFeedView } from '../notifications/NotificationFeedView';
import { ToastViewport } from '../notifications/ToastViewport';
import { ProgressBar } from '../progress/ProgressBar';
import { ProgressBarView } from '../progress/ProgressBarView';
import { Ticker } from '../ticker/Ticker';
import { TickerView } from '../ticker/TickerView';
import { emptyTicker } from '../ticker/tickerState';
import { TokenStream } from '../token-stream/TokenStream';
import { TokenStreamView } from '../token-stream/TokenStreamView';

afterEach(cleanup);

// Every component, connected (url null: never connects) and controlled, with the part its root has.
const cases: [string, string, (ref: Ref<never>, extra: object) => ReactElement][] = [
  ['Ticker', 'ticker', (ref, p) => <Ticker ref={ref} url={null} {...p} />],
  ['TickerView', 'ticker', (ref, p) => <TickerView ref={ref} quotes={emptyTicker} {...p} />],
  [
    'ConnectionStatus',
    'connection-status',
    (ref, p) => <ConnectionStatus ref={ref} url={null} {...p} />,
  ],
  [
    'ConnectionStatusView',
    'connection-status',
    (ref, p) => <ConnectionStatusView ref={ref} status="open" {...p} />,
  ],
  ['ProgressBar', 'progress', (ref, p) => <ProgressBar ref={ref} url={null} {...p} />],
  ['ProgressBarView', 'progress', (ref, p) => <ProgressBarView ref={ref} value={3} {...p} />],
  ['LogStream', 'log', (ref, p) => <LogStream ref={ref} url={null} {...p} />],
  ['LogStreamView', 'log', (ref, p) => <LogStreamView ref={ref} lines={[]} {...p} />],
  [
    'NotificationFeed',
    'notifications',
    (ref, p) => <NotificationFeed ref={ref} url={null} {...p} />,
  ],
  [
    'NotificationFeedView',
    'feed',
    (ref, p) => <NotificationFeedView ref={ref} notifications={[]} {...p} />,
  ],
  [
    'ToastViewport',
    'toast-viewport',
    (ref, p) => <ToastViewport ref={ref} toasts={[]} onDismiss={() => {}} {...p} />,
  ],
  [
    'TokenStream',
    'token-stream',
    (ref, p) => <TokenStream ref={ref} url="/never" autoStart={false} {...p} />,
  ],
  [
    'TokenStreamView',
    'token-stream',
    (ref, p) => <TokenStreamView ref={ref} text="" status="idle" {...p} />,
  ],
];

describe('refs and HTML attributes', () => {
  it.each(cases)('%s forwards its ref and HTML attributes to the root', (_name, part, make) => {
    const ref = createRef<HTMLElement>();
    const onClick = vi.fn();
    const { container } = render(
      make(ref as Ref<never>, {
        id: 'mine',
        dir: 'rtl',
        lang: 'ko',
        'data-testid': 'root',
        'aria-describedby': 'help',
        style: { marginTop: 3 },
        onClick,
      }),
    );
    const root = container.firstElementChild as HTMLElement;
    expect(ref.current).toBe(root);
    expect(root.dataset.ssekit).toBe(part);
    expect(root.id).toBe('mine');
    expect(root.dir).toBe('rtl');
    expect(root.lang).toBe('ko');
    expect(root.dataset.testid).toBe('root');
    expect(root.getAttribute('aria-describedby')).toBe('help');
    expect(root.style.marginTop).toBe('3px');
    fireEvent.click(root);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('keeps its own hover pause when the toast viewport gets a handler too', () => {
    const onMouseEnter = vi.fn();
    const { container } = render(
      <ToastViewport toasts={[]} onDismiss={() => {}} onMouseEnter={onMouseEnter} />,
    );
    const root = container.firstElementChild as HTMLElement;
    fireEvent.mouseEnter(root);
    expect(onMouseEnter).toHaveBeenCalledOnce();
    expect(root.dataset.state).toBe('paused');
  });
});
