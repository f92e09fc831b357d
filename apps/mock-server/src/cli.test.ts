import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** Runs the CLI and resolves with everything it printed once `until` matches. */
function run(args: string[], until: RegExp): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', cli, ...args], {
    env: { ...process.env, PORT: '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) resolve(out);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', () => reject(new Error(`exited early: ${out}`)));
  });
}

describe('cli', () => {
  it('starts on the given port, prints its URLs and stops on SIGTERM', async () => {
    const out = await run(['--port', '0', '--seed', '9'], /logs\s+\S+/);
    const base = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    expect(out).toContain(`${base}/sse/index.html`);
    expect(out).toContain(`${base}/sse/ticker?symbols=AAPL,MSFT,GOOG&rate=20`);
    const res = await fetch(`${base}/sse/`);
    expect(res.status).toBe(200);
    child!.kill('SIGTERM');
    const [code] = await once(child!, 'exit');
    expect(code).toBe(0);
  });

  it('rejects a bad port with usage', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', 'abc']);
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('Invalid port "abc"');
    expect(err).toContain('Usage:');
  });
});
