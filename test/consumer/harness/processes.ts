import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

/** Runs a command to its end; rejects with its whole output when it fails. */
export function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** At most `limit` of the given jobs at once (the machine may have only 2 cores). */
export function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** A port nobody listens on right now (127.0.0.1:0, then closed), for servers that need a number. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Long-running child processes of the test; all SIGKILLed at the end. */
export class Processes {
  readonly #children: ChildProcess[] = [];

  /**
   * Starts `cmd` and resolves with the first match of `ready` in its output (or of the URL
   * answering, when `ready` is a URL), within `timeoutMs`.
   */
  async start(
    cmd: string,
    args: string[],
    options: { cwd: string; env?: Record<string, string>; ready: RegExp | string },
    timeoutMs = 60_000,
  ): Promise<string> {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.push(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${cmd} ${args.join(' ')} exited:\n${output}`);
      }
      const { ready } = options;
      const found =
        typeof ready === 'string'
          ? await fetch(ready).then(
              (r) => (r.ok ? ready : undefined),
              () => undefined,
            )
          : ready.exec(output)?.[1];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${cmd} was not ready in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILLs every child and waits until each is gone. */
  async killAll(): Promise<void> {
    await Promise.all(
      this.#children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      }),
    );
  }
}
