import { HttpError } from '@ssekit/core';
import { describe, expect, it } from 'vitest';
import { collect, ids, range, useMockServer } from '../test/helpers';
import { jobTimeline } from './jobs';

const server = useMockServer();
const url = (path: string) => `${server().url}${path}`;
const createJob = async (body?: unknown) => {
  const res = await fetch(url('/sse/jobs'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { res, json: (await res.json()) as { id: string; url: string; error?: string } };
};

describe('jobs', () => {
  it('runs a job: 201 with its URL, progress to 100%, done, then 204 on reconnect', async () => {
    const { res, json } = await createJob({ durationMs: 100 });
    expect(res.status).toBe(201);
    expect(json.id).toMatch(/^job-p[0-9a-f]+-\d+$/);
    expect(json.url).toBe(`/sse/jobs/${json.id}`);
    expect(res.headers.get('location')).toBe(json.url);
    const { events, error, opens } = await collect(url(json.url), 100);
    expect(error).toBeNull();
    expect(opens).toBe(1);
    expect(ids(events)).toEqual(range(1, 22));
    const progress = events.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    expect(progress.map((p) => p.percent)).toEqual(range(0, 20).map((n) => Number(n) * 5));
    expect(progress[0]).toMatchObject({ stage: 'Queued', etaMs: 100 });
    expect(progress.at(-1)).toMatchObject({ percent: 100, etaMs: 0 });
    expect(progress.map((p) => p.etaMs)).toEqual(
      [...progress.map((p) => p.etaMs)].sort((a, b) => b - a),
    );
    expect(events.at(-1)!.event).toBe('done');
    expect(JSON.parse(events.at(-1)!.data).result).toContain('deployed');
    const after = await fetch(url(json.url), { headers: { 'last-event-id': events.at(-1)!.id } });
    expect(after.status).toBe(204);
  });

  it('replays a running job from Last-Event-ID; a late first connection gets it all', async () => {
    const { json } = await createJob({ durationMs: 150 });
    const epoch = /^job-(\w+)-\d+$/.exec(json.id)![1];
    const resumed = await collect(url(json.url), 100, { lastEventId: `${epoch}-10` });
    expect(ids(resumed.events)).toEqual(range(11, 22));
    expect(resumed.events.every((e) => e.id.startsWith(`${epoch}-`))).toBe(true);
    // An id of another process (ids without its epoch): a reset, then the whole job.
    const foreign = await collect(url(json.url), 100, { lastEventId: 'p0-10' });
    expect(foreign.events[0]!.event).toBe('reset');
    expect(ids(foreign.events.slice(1))).toEqual(range(1, 22));
    const late = await collect(url(json.url), 100);
    expect(ids(late.events)).toEqual(range(1, 22));
  });

  it('fails a job with `fail: true`', async () => {
    const { json } = await createJob({ durationMs: 50, fail: true });
    const { events } = await collect(url(json.url), 100);
    const last = events.at(-1)!;
    expect(last.event).toBe('failed');
    expect(JSON.parse(last.data).error).toMatch(/tests failed/);
    expect(events.some((e) => e.event === 'done')).toBe(false);
  });

  it('runs a fresh demo job for every connection', async () => {
    const first = await collect(url('/sse/jobs/demo?durationMs=60'), 100);
    const second = await collect(url('/sse/jobs/demo?durationMs=60'), 100);
    expect(ids(first.events)).toEqual(range(1, 22));
    expect(second.events.map((e) => e.data)).toEqual(first.events.map((e) => e.data));
    const failed = await collect(url('/sse/jobs/demo?durationMs=30&fail=1'), 100);
    expect(failed.events.at(-1)!.event).toBe('failed');
  });

  it('answers 404 for an unknown job and 400 for a bad body', async () => {
    const { error } = await collect(url('/sse/jobs/job-999999'), 1);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    const bad = await createJob({ durationMs: -1 });
    expect(bad.res.status).toBe(400);
    expect(bad.json.error).toContain('durationMs');
  });

  it("streams a job's build log in step with it: stages, the result, then end and 204", async () => {
    const { json } = await createJob({ durationMs: 100 });
    const { events, error } = await collect(url(`${json.url}/log`), 1000);
    expect(error).toBeNull(); // closed by the server's 204 after the end, not by a failure
    const lines = events.filter((e) => e.event === 'log').map((e) => JSON.parse(e.data));
    expect(ids(events)).toEqual(range(1, events.length));
    expect(lines.map((l) => l.line)).toEqual(range(1, lines.length).map(Number));
    const headers = lines.map((l) => l.text).filter((t: string) => t.includes('==>'));
    expect(headers.map((t: string) => t.replace(/\u001b\[\d+m/g, ''))).toEqual([
      '==> Queued',
      '==> Building',
      '==> Testing',
      '==> Deploying',
    ]);
    expect(lines.at(-1).text).toContain('deployed');
    expect(events.at(-1)!.event).toBe('end');
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ status: 'success' });
    const last = events.at(-1)!.id;
    const after = await fetch(url(`${json.url}/log`), { headers: { 'last-event-id': last } });
    expect(after.status).toBe(204);
  });

  it("logs a failing job's error, ends it as failed, and resumes from Last-Event-ID", async () => {
    const { json } = await createJob({ durationMs: 60, fail: true });
    const whole = await collect(url(`${json.url}/log`), 1000);
    const errors = whole.events.filter(
      (e) => e.event === 'log' && JSON.parse(e.data).level === 'error',
    );
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0]!.data).text).toMatch(/tests failed/);
    expect(JSON.parse(whole.events.at(-1)!.data)).toEqual({ status: 'failed' });
    const lastEventId = whole.events[2]!.id;
    const resumed = await collect(url(`${json.url}/log`), 1000, { lastEventId });
    expect(resumed.events.map((e) => e.data)).toEqual(whole.events.slice(3).map((e) => e.data));
    const unknown = await collect(url('/sse/jobs/job-999999/log'), 1);
    expect((unknown.error as HttpError).status).toBe(404);
  });

  it('builds the same timeline for the same seed', () => {
    const a = jobTimeline('s', { durationMs: 1000, fail: false });
    expect(jobTimeline('s', { durationMs: 1000, fail: false })).toEqual(a);
    expect(jobTimeline('t', { durationMs: 1000, fail: false })).not.toEqual(a);
    expect(a.map((e) => e.atMs)).toEqual([...a.map((e) => e.atMs)].sort((x, y) => x - y));
    expect(a.at(-1)!.atMs).toBe(1000);
  });
});
