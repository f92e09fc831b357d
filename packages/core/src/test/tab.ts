// A stand-in browser tab for the cross-tab tests: a separate document (an iframe) that opens
// the shared stream named by `?url=` and records what it receives on `window.tab`.
import { connectAcrossTabs } from '../cross-tab';
import type { StreamStatus } from '../types';

export interface TabRecord {
  ids: string[];
  statuses: StreamStatus[];
  close(): void;
}

const url = new URLSearchParams(location.search).get('url') ?? '';
const stream = connectAcrossTabs(url);
const record: TabRecord = { ids: [], statuses: [], close: () => stream.close() };
stream.on('*', (event) => record.ids.push(event.id));
stream.onStatus((status) => record.statuses.push(status));
(window as unknown as { tab: TabRecord }).tab = record;
