import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./instance.ts', import.meta.url));

/** A server instance in a child process (see `instance.ts`). */
export interface Instance {
  port: number;
  process: ChildProcess;
  /** Kills it (SIGKILL by default: no cleanup, sockets reset by the kernel). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** An instance loaded and waiting: `start()` makes it listen within milliseconds. */
export interface StandbyInstance {
  start(): Promise<Instance>;
  /** Ends it without starting. */
  cancel(): Promise<void>;
}

/** Starts `instance.ts` with `env` and resolves once it listens. */
export async function startInstance(env: Record<string, string | number>): Promise<Instance> {
  return (await standbyInstance(env)).start();
}

/** Loads `instance.ts` with `env` in a child process and resolves once it is ready to start. */
export async function standbyInstance(
  env: Record<string, string | number>,
): Promise<StandbyInstance> {
  const vars = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', script], {
    env: { ...process.env, ...vars, STANDBY: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const waitFor = async (pattern: RegExp) => {
    for (;;) {
      const match = pattern.exec(out);
      if (match) return match;
      const [chunk] = (await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')])) as [
        Buffer | number | null,
      ];
      if (!Buffer.isBuffer(chunk)) throw new Error(`instance exited (${chunk}): ${out}`);
      out += chunk;
    }
  };
  await waitFor(/ready/);
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    cancel: () => kill(),
    async start() {
      child.stdin!.end('go\n');
      const port = Number((await waitFor(/listening (\d+)/))[1]);
      return { port, process: child, kill };
    },
  };
}
