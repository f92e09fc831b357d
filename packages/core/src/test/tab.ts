// A stand-in browser tab for the cross-tab tests: a separate document (an iframe) that opens
// the shared stream named by `?url=` and records what it receives on `window.tab`.
import { connect } from '../connect';
import { crossTab } from '../cross-tab';
import { getDefaultHub } from '../hub';
import type { StreamStatus } from '../types';

export interface TabRecord {
  ids: string[];
  statuses: StreamStatus[];
  close(): void;
}

const params = new URLSearchParams(location.search);
const url = params.get('url') ?? '';
// `?views=n`: n views of the page's hub, as n components of one app would open.
const views = Number(params.get('views') ?? 0);
for (let i = 1; i < views; i++) getDefaultHub().connect(url, { crossTab: crossTab() });
const stream = views
  ? getDefaultHub().connect(url, { crossTab: crossTab() })
  : connect(url, { crossTab: crossTab() });
const record: TabRecord = { ids: [], statuses: [], close: () => stream.close() };
stream.on('*', (event) => record.ids.push(event.id));
stream.onStatus((status) => record.statuses.push(status));
(window as unknown as { tab: TabRecord }).tab = record;
