import type { Meta } from '@storybook/react-vite';

type InputType = NonNullable<NonNullable<Meta['argTypes']>[string]>;

/** The mock server's fault switches, as story args. */
export interface FaultArgs {
  seed?: number;
  rate?: number;
  delay?: number;
  dropAfter?: number;
  dropMidEvent?: number;
  stallAfter?: number;
  status?: number;
  malformed?: boolean;
  retry?: number;
  contentType?: string;
}

const FAULTS: (keyof FaultArgs)[] = [
  'seed',
  'rate',
  'delay',
  'dropAfter',
  'dropMidEvent',
  'stallAfter',
  'status',
  'malformed',
  'retry',
  'contentType',
];

/** A mock server URL: `path` plus every set fault switch and extra parameter. */
export function mockUrl(
  path: string,
  args: FaultArgs,
  extra: Record<string, string | number | boolean | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  for (const key of FAULTS) {
    const value = args[key];
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const num = (description: string): InputType => ({
  control: { type: 'number' },
  description,
  table: { category: 'Mock server faults' },
});

/** Controls for the fault switches (in their own category). */
export const faultArgTypes: Record<keyof FaultArgs, InputType> = {
  seed: num('Deterministic output for the same seed'),
  rate: num('Events per second'),
  delay: num('ms before each event'),
  dropAfter: num('Destroy the socket after N events of each connection'),
  dropMidEvent: num('Write half of event N, then destroy the socket'),
  stallAfter: num('After N events send nothing (no heartbeats), socket stays open'),
  status: {
    control: { type: 'select' },
    options: [undefined, 404, 429, 500, 503],
    description: 'Answer with this HTTP status instead of a stream',
    table: { category: 'Mock server faults' },
  },
  malformed: {
    control: { type: 'boolean' },
    description: 'Mix in malformed lines the parser must skip',
    table: { category: 'Mock server faults' },
  },
  retry: num('Send `retry: <ms>` first'),
  contentType: {
    control: { type: 'select' },
    options: [undefined, 'text/plain', 'application/json'],
    description: 'Answer with a wrong content type',
    table: { category: 'Mock server faults' },
  },
};

/** Fast reconnects for stories and their tests. */
export const storyRetry = { retry: { initialMs: 300, maxMs: 2000 } } as const;
