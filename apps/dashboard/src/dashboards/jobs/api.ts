/** What `POST /sse/jobs` takes. */
export interface JobSpec {
  durationMs: number;
  /** The mock server fails the job during testing. */
  fail: boolean;
}

/** A started job: its id and the URL of its event stream. */
export interface StartedJob {
  id: string;
  url: string;
}

/** Starts a job with `POST <baseUrl>/sse/jobs`; throws with the server's message on an error. */
export async function startJob(baseUrl: string, spec: JobSpec): Promise<StartedJob> {
  const res = await fetch(`${baseUrl}/sse/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  const body = (await res.json().catch(() => ({}))) as Partial<StartedJob> & { error?: string };
  if (!res.ok || typeof body.id !== 'string' || typeof body.url !== 'string') {
    throw new Error(body.error ?? `Could not start the job (HTTP ${res.status})`);
  }
  return { id: body.id, url: body.url };
}
